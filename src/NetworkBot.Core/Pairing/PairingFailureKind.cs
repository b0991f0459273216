namespace NetworkBot.Core.Pairing;

/// <summary>Why a round could not be paired; each kind comes with a message for managers.</summary>
public enum PairingFailureKind
{
    /// <summary>The request itself is malformed, such as a duplicate member id or a negative cooldown.</summary>
    InvalidInput,

    /// <summary>The group size is outside 2 to 8.</summary>
    GroupSizeOutOfRange,

    /// <summary>There are fewer members than one group needs.</summary>
    TooFewMembers,

    /// <summary>The members cannot be split so that each group has the group size or one more.</summary>
    UnsplittableCount,

    /// <summary>Blocks between members leave no grouping that keeps every blocked pair apart.</summary>
    BlocksLeaveNoGrouping,
}
