using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Interests;

/// <summary>
/// <c>/interests …</c> for members and <c>/admin interests …</c> for managers: shared interests make
/// conversation easy, so members can browse, join, leave and find each other by them.
/// Where the platform has <see cref="IInterestSpaces"/>, a group also has a space there (a role and a channel on
/// Discord): creating the group makes it, joining and leaving give and take the role. NetworkBot's data changes
/// at once, together with the intent to change the platform; the space and the roles follow through the outbox
/// (<see cref="InterestSpaceSync"/>), so neither a rate limit nor a crash stands between the data and the platform,
/// and no platform call holds up an answer. A refusal reaches the member and the managers from there.
/// </summary>
public sealed class InterestCommands(IMemberStore memberStore, IInterestStore interestStore, InterestSpaceSync spaceSync) : ICommandModule
{
    private const int MaxListed = 25;

    public IReadOnlyDictionary<string, CommandHandler> Handlers => new Dictionary<string, CommandHandler>
    {
        ["interests list"] = ListAsync,
        ["interests join"] = JoinAsync,
        ["interests leave"] = LeaveAsync,
        ["interests find"] = FindAsync,
        ["admin interests create"] = CreateAsync,
        ["admin interests archive"] = ArchiveAsync,
    };

    private async Task<Reply> ListAsync(CommandContext context, CancellationToken ct)
    {
        var interests = await interestStore.ListInterestsAsync(context.Community.Id, includeArchived: false, ct).ConfigureAwait(false);
        if (interests.Count == 0)
        {
            return new Reply(context.Text(InterestTexts.InterestsNone));
        }

        var fields = new List<ReplyField>();
        foreach (var interest in interests.Take(MaxListed))
        {
            var members = await interestStore.ListInterestMembersAsync(context.Community.Id, interest.Id, ct).ConfigureAwait(false);
            var count = context.Text(InterestTexts.InterestsMemberCount, members.Count);
            fields.Add(new ReplyField(interest.Name, interest.Description is null ? count : $"{count} · {interest.Description}"));
        }

        return new Reply(string.Empty)
        {
            Title = context.Text(InterestTexts.InterestsTitle),
            Fields = fields,
            Select = new ReplySelect(
                context.Text(InterestTexts.InterestsJoinPlaceholder),
                CommandInvocation.Of("interests join"),
                InterestOptions.Name.Name,
                interests.Take(MaxListed).Select(i => new SelectChoice(i.Name, i.Name)).ToList()),
        };
    }

    private async Task<Reply> JoinAsync(CommandContext context, CancellationToken ct)
    {
        var (interest, error) = await OpenInterestAsync(context, ct).ConfigureAwait(false);
        if (interest is null)
        {
            return error!;
        }

        var (sync, pending) = SpaceSync(context, interest, InterestTexts.InterestJoinedRolePending);
        var added = await interestStore.AddInterestMemberAsync(context.Community.Id, interest.Id, context.Caller.Id, sync, ct).ConfigureAwait(false);
        return new Reply(added ? pending ?? context.Text(InterestTexts.InterestJoined, interest.Name) : context.Text(InterestTexts.InterestAlreadyJoined, interest.Name))
        {
            Buttons = [Toggle(context, interest, joining: false)],
        };
    }

    private async Task<Reply> LeaveAsync(CommandContext context, CancellationToken ct)
    {
        var (interest, error) = await OpenInterestAsync(context, ct).ConfigureAwait(false);
        if (interest is null)
        {
            return error!;
        }

        var (sync, pending) = SpaceSync(context, interest, InterestTexts.InterestLeftRolePending);
        var removed = await interestStore.RemoveInterestMemberAsync(context.Community.Id, interest.Id, context.Caller.Id, sync, ct).ConfigureAwait(false);
        return new Reply(removed ? pending ?? context.Text(InterestTexts.InterestLeft, interest.Name) : context.Text(InterestTexts.InterestNotMember, interest.Name))
        {
            Buttons = [Toggle(context, interest, joining: true)],
        };
    }

    /// <summary>
    /// The button that undoes a join or leave. It names the group by id: a name of 50 characters may not fit in a
    /// Discord custom id once escaped, an id always does.
    /// </summary>
    private static ReplyButton Toggle(CommandContext context, Interest interest, bool joining) =>
        new(context.Text(joining ? Messages.ButtonJoin : Messages.ButtonLeave),
            CommandInvocation.Of(joining ? "interests join" : "interests leave", (InterestOptions.Name.Name, interest.Id.Value)),
            joining ? ButtonStyle.Primary : ButtonStyle.Secondary);

    /// <summary>
    /// The outbox entry that makes the member's role match the group, queued on every join and leave (even a repeated
    /// one, which repairs an earlier refusal), and what the member is told meanwhile; nothing where the platform has no spaces.
    /// </summary>
    private (IReadOnlyList<OutboxMessage> Sync, string? Pending) SpaceSync(CommandContext context, Interest interest, LocalizedText pending)
    {
        if (!spaceSync.HasSpaces(context.Community.Id))
        {
            return ([], null);
        }

        var told = context.Text(pending, interest.Name);
        return ([InterestSpaceSync.Queue(context.Community.Id, interest.Id, context.Caller.Id, new Reply(told), context.Now)], told);
    }

    /// <summary>Members of the group and members who list the interest in their profile.</summary>
    private async Task<Reply> FindAsync(CommandContext context, CancellationToken ct)
    {
        var name = context.Options.Get(InterestOptions.Name);
        var interest = await interestStore.GetInterestByNameAsync(context.Community.Id, name, ct).ConfigureAwait(false);
        var inGroup = interest is { Archived: false }
            ? (await interestStore.ListInterestMembersAsync(context.Community.Id, interest.Id, ct).ConfigureAwait(false)).ToHashSet()
            : [];
        var members = await memberStore.ListMembersAsync(context.Community.Id, ct).ConfigureAwait(false);
        var found = members
            .Where(m => inGroup.Contains(m.Id) || m.Profile.Interests.Contains(name, StringComparer.OrdinalIgnoreCase))
            .OrderBy(m => m.DisplayName, StringComparer.CurrentCulture)
            .ToList();
        var label = interest?.Name ?? name;
        if (found.Count == 0)
        {
            return new Reply(context.Text(InterestTexts.InterestFindNone, label));
        }

        return new Reply(string.Empty)
        {
            Title = context.Text(InterestTexts.InterestFindTitle, label),
            Fields = found.Take(MaxListed)
                .Select(m => new ReplyField(m.DisplayName, string.Join(" · ", new[] { m.Profile.Role, m.Profile.Industry }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } about ? about : "—"))
                .ToList(),
        };
    }

    /// <summary>
    /// Saves the group and, where the platform has spaces, the intent that makes its space, in one transaction; the
    /// manager is answered at once and hears from the outbox when the role and channel are ready.
    /// </summary>
    private async Task<Reply> CreateAsync(CommandContext context, CancellationToken ct)
    {
        var name = context.Options.Get(InterestOptions.Name);
        if (name.IndexOfAny(['@', '#', '<', '>']) >= 0)
        {
            return Reply.Error(context.Text(InterestTexts.InterestBadName));
        }

        var existing = await interestStore.GetInterestByNameAsync(context.Community.Id, name, ct).ConfigureAwait(false);
        if (existing is { Archived: false })
        {
            return Reply.Error(context.Text(InterestTexts.InterestExists, existing.Name));
        }

        var description = context.Options.Get(InterestOptions.Description);
        var hasSpace = spaceSync.HasSpaces(context.Community.Id);
        var interest = (existing is not null
            ? existing with { Archived = false, Description = description ?? existing.Description }
            : new Interest(context.Community.Id, InterestId.New(), name, description, Archived: false, RoleRef: null, ChannelRef: null, context.Now))
            with { SpacePending = hasSpace };
        IReadOnlyList<OutboxMessage> setup = hasSpace
            ? [InterestSpaceSync.Setup(context.Community.Id, interest.Id, context.Caller.Id, new Reply(context.Text(InterestTexts.InterestSpaceReady, interest.Name)), context.Now)]
            : [];
        if (!await interestStore.CreateInterestAsync(interest, setup, ct).ConfigureAwait(false))
        {
            return Reply.Error(context.Text(InterestTexts.InterestExists, interest.Name));
        }

        var done = context.Text(existing is null ? InterestTexts.InterestCreated : InterestTexts.InterestRestored, interest.Name);
        return new Reply(hasSpace ? $"{done}\n\n{context.Text(InterestTexts.InterestSpacePending, interest.Name)}" : done);
    }

    private async Task<Reply> ArchiveAsync(CommandContext context, CancellationToken ct)
    {
        var (interest, error) = await FindInterestAsync(context, includeArchived: true, ct).ConfigureAwait(false);
        if (interest is null)
        {
            return error!;
        }

        return await interestStore.ArchiveInterestAsync(context.Community.Id, interest.Id, ct).ConfigureAwait(false)
            ? new Reply(context.Text(InterestTexts.InterestArchived, interest.Name))
            : new Reply(context.Text(InterestTexts.InterestAlreadyArchived, interest.Name));
    }

    private Task<(Interest? Interest, Reply? Error)> OpenInterestAsync(CommandContext context, CancellationToken ct) =>
        FindInterestAsync(context, includeArchived: false, ct);

    /// <summary>The group named by the <c>name</c> option, or an error that lists the groups there are.</summary>
    private async Task<(Interest? Interest, Reply? Error)> FindInterestAsync(CommandContext context, bool includeArchived, CancellationToken ct)
    {
        var name = context.Options.Get(InterestOptions.Name);
        var interest = await interestStore.GetInterestByNameAsync(context.Community.Id, name, ct).ConfigureAwait(false);
        if (interest is not null && (includeArchived || !interest.Archived))
        {
            return (interest, null);
        }

        // Buttons name the group by its id (see Toggle); typed commands by its name. The open groups are read only
        // here, off the common path, where the refusal lists them anyway.
        var open = await interestStore.ListInterestsAsync(context.Community.Id, includeArchived: false, ct).ConfigureAwait(false);
        if (interest is null && open.FirstOrDefault(i => i.Id.Value == name) is { } byId)
        {
            return (byId, null);
        }

        var error = open.Count == 0
            ? context.Text(InterestTexts.InterestNotFoundNoGroups, name)
            : context.Text(InterestTexts.InterestNotFound, name, string.Join(", ", open.Select(i => i.Name)));
        return (null, Reply.Error(error));
    }
}
