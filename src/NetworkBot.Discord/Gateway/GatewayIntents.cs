namespace NetworkBot.Discord.Gateway;

/// <summary>The gateway intents NetworkBot may ask for (PROTOCOLS §1.4). Privileged ones must be enabled in the Developer Portal.</summary>
[Flags]
public enum GatewayIntents
{
    None = 0,
    Guilds = 1 << 0,
    GuildMembers = 1 << 1,
    GuildMessages = 1 << 9,
    DirectMessages = 1 << 12,
    MessageContent = 1 << 15,
    GuildScheduledEvents = 1 << 16,
}
