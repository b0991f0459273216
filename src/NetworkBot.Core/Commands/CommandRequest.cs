using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;

namespace NetworkBot.Core.Commands;

/// <summary>
/// A command as every adapter hands it to Core: who, where, which command, and the raw option values
/// (validated and typed by Core against the command table, the same way for every platform).
/// </summary>
public sealed record CommandRequest(
    CommunityId Community,
    MemberId Caller,
    string CallerName,
    string Path,
    IReadOnlyDictionary<string, string> Options)
{
    /// <summary>The caller's name on the platform, never holding the bot's markup (<see cref="UserText"/>).</summary>
    public string CallerName { get; init => field = UserText.Literal(value); } = UserText.Literal(CallerName);

    /// <summary>
    /// What the caller typed or chose, keys and values never holding the bot's markup (<see cref="UserText"/>): every
    /// command's input passes here, whichever platform, form or text line it came from.
    /// </summary>
    public IReadOnlyDictionary<string, string> Options { get; init => field = UserText.Literal(value); } = UserText.Literal(Options);

    /// <summary>The community's display name, used when the community is seen for the first time; never holding the bot's markup.</summary>
    public string? CommunityName { get; init => field = UserText.Literal(value); }

    public string? Channel { get; init; }

    /// <summary>The caller's client language, when the platform tells it.</summary>
    public Language? Locale { get; init; }

    /// <summary>The platform says the caller administers the community (Discord Manage Server, Slack admin).</summary>
    public bool CallerIsPlatformManager { get; init; }

    /// <summary>
    /// The community comes from the pressed component itself, not from the platform (a button in a DM, which the
    /// platform delivers without its server). Such a request is only taken from a member the community already has.
    /// </summary>
    public bool CommunityFromComponent { get; init; }

    /// <summary>The caller's platform roles, matched against the community's manager role.</summary>
    public IReadOnlyList<string> CallerRoles { get; init; } = [];
}
