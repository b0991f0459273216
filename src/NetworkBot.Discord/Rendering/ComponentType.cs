namespace NetworkBot.Discord.Rendering;

/// <summary>Component types the bot sends or reads; others still parse (as their number) and are skipped.</summary>
public enum ComponentType
{
    ActionRow = 1,
    Button = 2,
    StringSelect = 3,
    TextInput = 4,
    Label = 18,
}
