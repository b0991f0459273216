namespace NetworkBot.Core.Coffee;

/// <summary>The answer to "did you meet?".</summary>
public enum MeetingOutcome
{
    Unknown,
    Met,
    NotYet,
    DidNotMeet,
}
