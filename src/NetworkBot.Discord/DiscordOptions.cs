namespace NetworkBot.Discord;

/// <summary>The <c>Discord</c> configuration section. Discord is enabled when <see cref="Token"/> is set.</summary>
public sealed class DiscordOptions
{
    public const string Section = "Discord";

    public string? Token { get; set; }

    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10");

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Token);
}
