using NetworkBot.Core.Domain;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Storage;

namespace NetworkBot.Host.Tests.Journeys;

/// <summary>
/// A chat surface (Discord, Slack Socket Mode, Slack HTTP mode, the shell) driven as its members use it, through
/// the real host: a member types a command, sees what the bot delivers where it delivers it (DM, group, channel),
/// presses a button there as themselves, and the test reads what was stored. Journey scripts are written once
/// against this and run on every surface.
/// </summary>
public interface IJourneySurface : IAsyncDisposable
{
    /// <summary>The embedded store the bot keeps its data in (<c>Storage:Provider</c>): SQLite's file unless the tests name LiteDB's.</summary>
    string Provider { get; init; }

    /// <summary>The bot's database as <c>Storage:ConnectionString</c> names it, to search it past the store (<see cref="Journey.ScanAsync"/>).</summary>
    string ConnectionString { get; }

    /// <summary>The community the surface's members belong to.</summary>
    CommunityId Community { get; }

    /// <summary>The clock the bot runs on. It starts at <see cref="JourneyClock.Start"/>.</summary>
    JourneyClock Clock { get; }

    /// <summary>The store the bot writes to, for reading what was stored.</summary>
    IStore Store { get; }

    /// <summary>Starts the bot with <paramref name="manager"/> as the community's manager.</summary>
    Task StartAsync(string manager, CancellationToken ct);

    /// <summary>The id the platform knows the member by (named members are made up by the surface).</summary>
    MemberId Id(string member);

    /// <summary>How a command option names the member on this surface (a user id, a mention, a name).</summary>
    string Mention(string member);

    /// <summary>How a command option names the channel called <paramref name="name"/> on this surface.</summary>
    string Channel(string name);

    /// <summary>The member types <paramref name="line"/> (<c>/coffee join</c>, options as <c>name:value</c>) and sees the answer.</summary>
    Task<Seen> RunAsync(string member, string line, CancellationToken ct);

    /// <summary>The member fills in the form they were shown and submits it.</summary>
    Task<Seen> SubmitAsync(string member, Seen form, IReadOnlyDictionary<string, string> values, CancellationToken ct);

    /// <summary>
    /// The member presses the button labelled <paramref name="button"/> on <paramref name="seen"/> (or picks the choice of
    /// its select so labelled), where it was delivered to them, and sees the answer (the redrawn message when the press
    /// redraws it).
    /// </summary>
    Task<Seen> PressAsync(string member, Seen seen, string button, CancellationToken ct);

    /// <summary>The next message delivered to the member (by DM, to a group they are in, or to a channel) that <paramref name="match"/> accepts.</summary>
    Task<Seen> NextAsync(string member, Func<Seen, bool> match, CancellationToken ct);

    /// <summary>What the platform makes for an interest group: on Discord a role and a channel, on Slack a channel, in the shell nothing.</summary>
    (bool Role, bool Channel) InterestSpace { get; }

    /// <summary>
    /// Waits until the bot has asked the platform to let the member into the interest group's space (give the role,
    /// invite to the channel) or to take them out; at once where there are no spaces.
    /// </summary>
    Task SpaceChangedAsync(string member, Interest interest, bool joined, CancellationToken ct);

    /// <summary>The member's own page of the app as the bot last published it (Slack App Home); null where there is none.</summary>
    Task<Seen?> HomeAsync(string member, CancellationToken ct);

    /// <summary>
    /// Whether a file for the member alone (their data export) reaches their direct messages (<see cref="Place.Direct"/>,
    /// <see cref="Seen.File"/> of a delivered message): on Discord and Slack; the shell prints it with the answer.
    /// </summary>
    bool FilesInDirectMessages { get; }

    /// <summary>
    /// The member leaves the community on the platform: a Discord GUILD_MEMBER_REMOVE, a Slack <c>user_change</c> of a
    /// deactivated user, the shell's <c>/leave</c>. The bot answers no one, so the store shows when it was handled.
    /// </summary>
    Task LeaveAsync(string member, CancellationToken ct);

    /// <summary>Whether an answer can be shown to its member alone (<see cref="Seen.Private"/>): on Discord and Slack, not in the shell.</summary>
    bool AnswersPrivately { get; }

    /// <summary>
    /// Where a browser following <paramref name="link"/>, a link to the bot's web dashboard it gave, reaches it: the link
    /// itself where <c>networkbot run</c> serves it; for the shell, which listens nowhere, the same path on the web host
    /// of <c>run</c> started beside it over the same database.
    /// </summary>
    Task<Uri> FollowAsync(Uri link, CancellationToken ct);

    /// <summary>Moves the bot's clock; what becomes due then is done by the bot's own worker (or the shell's <c>/wait</c>).</summary>
    Task AdvanceAsync(TimeSpan by, CancellationToken ct);
}
