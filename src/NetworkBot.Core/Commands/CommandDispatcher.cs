using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Storage;
using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Commands;

/// <summary>
/// The one entry point for commands from every platform: finds the command in the table, checks who may
/// use it, validates and types the options, runs the handler, and turns every failure into a clear reply in
/// the caller's language. Invalid input changes nothing; a handler's bug is logged once and answered politely.
/// </summary>
public sealed class CommandDispatcher
{
    private readonly Dictionary<string, CommandHandler> handlers = new(StringComparer.Ordinal);
    private readonly ICommunityStore communityStore;
    private readonly IMemberStore memberStore;
    private readonly OptionBinder binder;
    private readonly TimeProvider time;
    private readonly ILogger<CommandDispatcher> logger;

    public CommandDispatcher(
        IEnumerable<ICommandModule> modules, ICommunityStore communityStore, IMemberStore memberStore,
        OptionBinder binder, TimeProvider time, ILogger<CommandDispatcher> logger)
    {
        this.communityStore = communityStore;
        this.memberStore = memberStore;
        this.binder = binder;
        this.time = time;
        this.logger = logger;
        foreach (var (path, handler) in modules.SelectMany(m => m.Handlers))
        {
            if (CommandTable.Find(path) is null || !handlers.TryAdd(path, handler))
            {
                throw new InvalidOperationException($"Handler for '{path}' is not in the command table or is registered twice.");
            }
        }

        var missing = CommandTable.All.Where(c => !handlers.ContainsKey(c.Path)).Select(c => c.Path).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Commands without a handler: {string.Join(", ", missing)}.");
        }
    }

    /// <summary>Reads a typed line (<c>/coffee pause 2026-12-24</c>) and runs it as <paramref name="origin"/>'s caller.</summary>
    public async Task<Reply> HandleTextAsync(CommandRequest origin, string line, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(origin);
        switch (CommandTextParser.Parse(line))
        {
            case CommandParseResult.Parsed parsed:
                return await HandleAsync(origin with { Path = parsed.Path, Options = parsed.Options }, ct).ConfigureAwait(false);
            case CommandParseResult.Invalid invalid:
                var caller = await LoadAsync(origin, ct).ConfigureAwait(false);
                CommandLog.Refused(logger, "(text)", origin.Community.Value, origin.Caller.Value, invalid.Error.Text.En);
                return Reply.Error(invalid.Error.Render(LanguageOf(origin, caller)));
            default:
                throw new UnreachableException();
        }
    }

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = time.GetTimestamp();
        var caller = await LoadAsync(request, ct).ConfigureAwait(false);
        var community = caller.Community;
        var language = LanguageOf(request, caller);
        var spec = CommandTable.Find(request.Path);
        if (spec is null)
        {
            CommandLog.Refused(logger, request.Path, request.Community.Value, request.Caller.Value, "unknown command");
            return Reply.Error(Messages.UnknownCommand.Format(language, request.Path));
        }

        if (request.CommunityFromComponent && !(caller.CommunityStored && caller.MemberStored))
        {
            CommandLog.Refused(logger, request.Path, request.Community.Value, request.Caller.Value, "component of a community the caller is not in");
            return Reply.Error(Messages.ComponentNotForCaller.Get(language));
        }

        var isManager = IsManager(request, community);
        if (spec.ManagerOnly && !isManager)
        {
            CommandLog.Refused(logger, request.Path, request.Community.Value, request.Caller.Value, "not a manager");
            return Reply.Error(Messages.ManagersOnly.Format(language, spec.Path));
        }

        var (options, errors) = await binder.BindAsync(spec, request.Options, request.Community, ct).ConfigureAwait(false);
        if (options is null)
        {
            CommandLog.Refused(logger, request.Path, request.Community.Value, request.Caller.Value, "invalid options");
            var lines = errors.Select(e => "• " + e.Render(language));
            return Reply.Error(Messages.InvalidInputHeader.Get(language) + "\n" + string.Join('\n', lines));
        }

        // The caller waits for what the handler writes; background work's writes can wait for it.
        using var answering = AnsweringWrites.Begin();
        try
        {
            var member = await PersistCallerAsync(request, spec, caller, ct).ConfigureAwait(false);
            var context = new CommandContext(request, community, member, isManager, language, options, time.GetUtcNow());
            var reply = await handlers[spec.Path](context, ct).ConfigureAwait(false);
            CommandLog.Handled(logger, spec.Path, request.Community.Value, request.Caller.Value, time.GetElapsedTime(started).TotalMilliseconds);
            return reply;
        }
        catch (StaleWriteException)
        {
            // Another write to the same row came first; the handler's write, derived from what it read before, was refused whole.
            CommandLog.Refused(logger, spec.Path, request.Community.Value, request.Caller.Value, "changed meanwhile");
            return Reply.Error(Messages.ChangedMeanwhile.Get(language));
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            CommandLog.Failed(logger, exception, spec.Path, request.Community.Value, request.Caller.Value);
            return Reply.Error(Messages.InternalError.Get(language));
        }
    }

    /// <summary>
    /// Managers are the members the community named, members holding its manager role, and whoever the
    /// platform says administers the community.
    /// </summary>
    public static bool IsManager(CommandRequest request, Community community)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(community);
        var settings = community.Settings;
        return request.CallerIsPlatformManager
            || settings.Managers.Contains(request.Caller)
            || (settings.ManagerRole is { } role && request.CallerRoles.Contains(role, StringComparer.Ordinal));
    }

    private static Language LanguageOf(CommandRequest request, Caller caller) =>
        caller.Member.Profile.Language ?? request.Locale ?? caller.Community.Settings.Language;

    /// <summary>The stored community and caller, or fresh ones (not yet stored) for a first contact.</summary>
    private async Task<Caller> LoadAsync(CommandRequest request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var storedCommunity = await communityStore.GetCommunityAsync(request.Community, ct).ConfigureAwait(false);
        var storedMember = await memberStore.GetMemberAsync(request.Community, request.Caller, ct).ConfigureAwait(false);
        return new Caller(
            storedCommunity ?? new Community(request.Community, request.CommunityName ?? request.Community.ExternalId, CommunitySettings.Default, now),
            storedCommunity is not null,
            storedMember ?? new Member(request.Community, request.Caller, request.CallerName, Profile.Empty, CoffeeEnrollment.NotJoined, now),
            storedMember is not null);
    }

    /// <summary>
    /// Stores a first-seen community or caller (unless the command <see cref="CommandSpec.StoresNewCaller"/> not), a
    /// caller's new display name, and that a caller who had left the platform is back, once the call is known to be valid.
    /// </summary>
    private async Task<Member> PersistCallerAsync(CommandRequest request, CommandSpec spec, Caller caller, CancellationToken ct)
    {
        if (!caller.MemberStored && !spec.StoresNewCaller)
        {
            return caller.Member;
        }

        if (!caller.CommunityStored)
        {
            await communityStore.SaveCommunityAsync(caller.Community, ct).ConfigureAwait(false);
        }

        var member = caller.Member;
        var renamed = request.CallerName.Length > 0 && member.DisplayName != request.CallerName;

        // Someone who runs a command belongs to the community again, whatever the platform's leave event said: their data
        // no longer waits for the retention period.
        var returned = member.LeftAt is not null;
        if (!caller.MemberStored || renamed || returned)
        {
            member = member with { DisplayName = renamed ? request.CallerName : member.DisplayName, LeftAt = null };
            await memberStore.SaveMemberAsync(member, ct).ConfigureAwait(false);
        }

        return member;
    }

    /// <summary>Who is calling, and whether their community and member record exist yet.</summary>
    private sealed record Caller(Community Community, bool CommunityStored, Member Member, bool MemberStored);
}
