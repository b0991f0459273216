namespace NetworkBot.Core.Introductions;

/// <summary>Where one candidate of an ask stands. Only the asker's own ask holds it, and the asker is never shown it.</summary>
public enum CandidateStatus
{
    /// <summary>Ranked, not asked yet (candidates are asked one at a time).</summary>
    Waiting,
    Asked,
    Accepted,
    Declined,
    NoAnswer,
}
