namespace NetworkBot.Core.Outbox;

/// <summary>Where one recipient of a multi-recipient message stands, in <see cref="DeliveryProgress.Recipients"/>.</summary>
public enum RecipientStatus
{
    /// <summary>A post to them began and its answer was not seen yet; a retry first looks whether it arrived.</summary>
    Posting,

    /// <summary>Added to the group's thread; the thread message reaches them.</summary>
    Added,

    /// <summary>Their own message arrived.</summary>
    Delivered,

    /// <summary>Cannot be reached (closed DMs, left the server); <see cref="RecipientProgress.Reason"/> says why.</summary>
    GaveUp,
}
