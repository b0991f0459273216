using System.Globalization;
using Microsoft.Extensions.Logging;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Interests;
using NetworkBot.Discord.Rendering;
using NetworkBot.Discord.Rest;
using NetworkBot.Discord.Rest.Payloads;

namespace NetworkBot.Discord.Spaces;

/// <summary>
/// An interest group on Discord: a role with no permissions that nobody can mention, and a text channel that
/// only that role (and the bot) can see. Giving and taking the role needs Manage Roles and the bot's role above
/// the interest roles; Discord refuses a lack of either with the same 50013, so both are reported as
/// <see cref="InterestSpaceOutcome.MissingPermissionOrHierarchy"/>.
/// </summary>
public sealed class DiscordInterestSpaces(DiscordRestClient rest, ILogger<DiscordInterestSpaces> logger) : IInterestSpaces
{
    /// <summary>Discord's limit on role and channel names.</summary>
    public const int MaxNameLength = 100;

    public const int TextChannelType = 0;
    public const ulong ViewChannel = 1UL << 10;
    public const ulong SendMessages = 1UL << 11;
    public const ulong ReadMessageHistory = 1UL << 16;

    /// <summary>What the group's role (and the bot) may do in the group's channel.</summary>
    public const ulong ChannelPermissions = ViewChannel | SendMessages | ReadMessageHistory;

    private const string DefaultChannelName = "interest";

    /// <summary>The bot's user id once Discord told it (0 before); the same for the process's lifetime.</summary>
    private ulong botUserId;

    public string Platform => DiscordPlatform.PlatformName;

    /// <summary>
    /// Makes the role first: the channel's overwrites need its id, and a channel exists only with its role. Before
    /// making either it looks for the one an earlier attempt made whose answer was lost (a crash, a dropped
    /// connection): a role of the group's name with no permissions, a text channel whose overwrites let that role in.
    /// So a retry adopts instead of making a second.
    /// </summary>
    public async Task<InterestSpaceResult> EnsureAsync(Community community, Interest interest, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(interest);
        var (roleRef, channelRef) = (interest.RoleRef, interest.ChannelRef);
        if (!Snowflake.TryParse(community.Id.ExternalId, out var guild) || (roleRef is not null && !Snowflake.TryParse(roleRef, out _)))
        {
            return new InterestSpaceResult(InterestSpaceOutcome.NotFound, roleRef, channelRef);
        }

        try
        {
            if (roleRef is null)
            {
                var name = Truncation.Truncate(interest.Name.Trim(), MaxNameLength);
                var roles = await rest.GetGuildRolesAsync(guild, ct).ConfigureAwait(false);
                var role = roles.FirstOrDefault(r => r is { Permissions: 0, Managed: false } && r.Name == name);
                if (role is not null)
                {
                    DiscordInterestSpacesLog.Adopted(logger, "role", role.Id.Value, interest.Id.Value, community.Id.Value);
                }

                role ??= await rest.CreateGuildRoleAsync(guild, new DiscordRoleCreate(name, Permissions: 0, Mentionable: false), ct).ConfigureAwait(false);
                roleRef = role.Id.ToString();
            }

            if (channelRef is null)
            {
                var role = Snowflake.Parse(roleRef);
                var channels = await rest.GetGuildChannelsAsync(guild, ct).ConfigureAwait(false);
                var channel = channels.FirstOrDefault(c => c.Type == TextChannelType && LetsIn(c, role));
                if (channel is not null)
                {
                    DiscordInterestSpacesLog.Adopted(logger, "channel", channel.Id.Value, interest.Id.Value, community.Id.Value);
                }

                channel ??= await rest.CreateGuildChannelAsync(
                    guild,
                    new DiscordChannelCreate(ChannelName(interest.Name), TextChannelType, Topic: interest.Description, PermissionOverwrites: await OverwritesAsync(community, guild, role, ct).ConfigureAwait(false)),
                    ct).ConfigureAwait(false);
                channelRef = channel.Id.ToString();
            }

            return InterestSpaceResult.Done(roleRef, channelRef);
        }
        catch (Exception e) when (OutcomeOf(e, ct) is { } outcome)
        {
            DiscordInterestSpacesLog.Refused(logger, "create the role and channel", interest.Id.Value, community.Id.Value, outcome.ToString(), DiscordFailures.Reason(e));
            return new InterestSpaceResult(outcome, roleRef, channelRef);
        }
    }

    public Task<InterestSpaceResult> AddMemberAsync(Community community, Interest interest, MemberId member, CancellationToken ct) =>
        ChangeRoleAsync(community, interest, member, give: true, ct);

    public Task<InterestSpaceResult> RemoveMemberAsync(Community community, Interest interest, MemberId member, CancellationToken ct) =>
        ChangeRoleAsync(community, interest, member, give: false, ct);

    /// <summary>
    /// A Discord channel name from an interest name: lower case, runs of white space as one '-', at most 100
    /// characters; Discord itself drops characters it does not allow.
    /// </summary>
    public static string ChannelName(string interestName)
    {
        ArgumentNullException.ThrowIfNull(interestName);
        var words = interestName.ToLower(CultureInfo.InvariantCulture).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? DefaultChannelName : Truncation.Truncate(string.Join('-', words), MaxNameLength);
    }

    /// <summary>Whether the channel's overwrites let the group's role in as the bot's channels do; no one else makes such a channel for a role of ours.</summary>
    private static bool LetsIn(DiscordChannel channel, Snowflake role) =>
        channel.PermissionOverwrites?.Any(o => o.Id == role && o.Type == DiscordPermissionOverwrite.RoleType && o.Allow == ChannelPermissions) == true;

    private async Task<InterestSpaceResult> ChangeRoleAsync(Community community, Interest interest, MemberId member, bool give, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(interest);
        if (interest.RoleRef is null)
        {
            return InterestSpaceResult.NoSpace;
        }

        if (!Snowflake.TryParse(community.Id.ExternalId, out var guild) || !Snowflake.TryParse(member.Value, out var user) || !Snowflake.TryParse(interest.RoleRef, out var role))
        {
            return new InterestSpaceResult(InterestSpaceOutcome.NotFound, interest.RoleRef, interest.ChannelRef);
        }

        try
        {
            var change = give ? rest.AddGuildMemberRoleAsync(guild, user, role, ct) : rest.RemoveGuildMemberRoleAsync(guild, user, role, ct);
            await change.ConfigureAwait(false);
            return InterestSpaceResult.Done(interest.RoleRef, interest.ChannelRef);
        }
        catch (Exception e) when (OutcomeOf(e, ct) is { } outcome)
        {
            DiscordInterestSpacesLog.Refused(logger, give ? "give the role" : "take the role", interest.Id.Value, community.Id.Value, outcome.ToString(), DiscordFailures.Reason(e));
            return new InterestSpaceResult(outcome, interest.RoleRef, interest.ChannelRef);
        }
    }

    /// <summary>
    /// @everyone (whose role id is the guild id) may not see the channel; the group's role may see, write and read
    /// back; so may the bot, which does not need Administrator then. Without the bot's id the bot entry is left out.
    /// </summary>
    private async Task<List<DiscordPermissionOverwrite>> OverwritesAsync(Community community, Snowflake guild, Snowflake role, CancellationToken ct)
    {
        var overwrites = new List<DiscordPermissionOverwrite>
        {
            new(guild, DiscordPermissionOverwrite.RoleType, Allow: 0, Deny: ViewChannel),
            new(role, DiscordPermissionOverwrite.RoleType, Allow: ChannelPermissions, Deny: 0),
        };
        if (await BotUserIdAsync(community, ct).ConfigureAwait(false) is { } bot)
        {
            overwrites.Add(new(bot, DiscordPermissionOverwrite.MemberType, Allow: ChannelPermissions, Deny: 0));
        }

        return overwrites;
    }

    private async Task<Snowflake?> BotUserIdAsync(Community community, CancellationToken ct)
    {
        if (Volatile.Read(ref botUserId) is not 0 and var known)
        {
            return new Snowflake(known);
        }

        try
        {
            var user = await rest.GetCurrentUserAsync(ct).ConfigureAwait(false);
            Volatile.Write(ref botUserId, user.Id.Value);
            return user.Id;
        }
        catch (Exception e) when (OutcomeOf(e, ct) is not null)
        {
            DiscordInterestSpacesLog.BotUserUnknown(logger, community.Id.Value, DiscordFailures.Reason(e));
            return null;
        }
    }

    /// <summary>The neutral outcome of an expected failure; null for a bug or a cancellation, which propagate.</summary>
    private static InterestSpaceOutcome? OutcomeOf(Exception e, CancellationToken ct) => DiscordFailures.KindOf(e, ct) switch
    {
        null => null,
        DiscordFailure.MissingPermission => InterestSpaceOutcome.MissingPermissionOrHierarchy,
        DiscordFailure.NotFound => InterestSpaceOutcome.NotFound,
        _ => InterestSpaceOutcome.Unavailable,
    };
}
