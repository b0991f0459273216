namespace NetworkBot.Core.Introductions;

/// <summary>Where an ask stands: still looking, introduced to someone who said yes, or over without an introduction.</summary>
public enum AskStatus
{
    Open,
    Introduced,
    Expired,
    Withdrawn,
}
