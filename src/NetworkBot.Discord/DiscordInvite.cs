using System.Globalization;
using NetworkBot.Discord.Rest;

namespace NetworkBot.Discord;

/// <summary>The link a server manager opens to add the bot, asking for exactly the permissions NetworkBot uses.</summary>
public static class DiscordInvite
{
    /// <summary>Create interest channels.</summary>
    public const ulong ManageChannels = 1UL << 4;

    public const ulong ViewChannel = 1UL << 10;

    public const ulong SendMessages = 1UL << 11;

    /// <summary>Profile cards and summaries are embeds.</summary>
    public const ulong EmbedLinks = 1UL << 14;

    public const ulong ReadMessageHistory = 1UL << 16;

    /// <summary>Create interest roles and give or take them on join and leave.</summary>
    public const ulong ManageRoles = 1UL << 28;

    /// <summary>Update and cancel the scheduled events the bot created.</summary>
    public const ulong ManageEvents = 1UL << 33;

    /// <summary>One private thread per coffee group.</summary>
    public const ulong CreatePrivateThreads = 1UL << 36;

    public const ulong SendMessagesInThreads = 1UL << 38;

    public const ulong CreateEvents = 1UL << 44;

    public const ulong Permissions = ManageChannels | ViewChannel | SendMessages | EmbedLinks | ReadMessageHistory
        | ManageRoles | ManageEvents | CreatePrivateThreads | SendMessagesInThreads | CreateEvents;

    public static Uri For(Snowflake applicationId) => new(string.Create(
        CultureInfo.InvariantCulture,
        $"https://discord.com/oauth2/authorize?client_id={applicationId}&scope=bot+applications.commands&permissions={Permissions}"));
}
