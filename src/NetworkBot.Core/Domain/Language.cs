namespace NetworkBot.Core.Domain;

/// <summary>The languages every text of the bot exists in.</summary>
public enum Language
{
    En,
    Ja,
}
