using NetworkBot.Core.Domain;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Introductions;
using NetworkBot.Core.Replies;
using NodaTime;

namespace NetworkBot.Core.Commands;

/// <summary>
/// Values to offer while a member types an option (Discord autocomplete): the interest groups and members of
/// the caller's own community, the caller's own open asks, or time zone ids. Values that start with what was typed come
/// first, then values that contain it; nothing of another community, nor another member's ask, is ever offered.
/// </summary>
public sealed class CommandSuggestions(IMemberStore memberStore, IInterestStore interestStore, IAskStore askStore)
{
    public const int MaxSuggestions = 25;

    public async Task<IReadOnlyList<SelectChoice>> SuggestAsync(CommandRequest request, string option, string typed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var source = CommandTable.Find(request.Path)?.Options.FirstOrDefault(o => o.Name == option)?.Suggest ?? Suggestions.None;
        var candidates = source switch
        {
            Suggestions.Interests => (await interestStore.ListInterestsAsync(request.Community, includeArchived: false, ct).ConfigureAwait(false))
                .Select(i => new SelectChoice(i.Name, i.Name)),
            Suggestions.Members => (await memberStore.ListMembersAsync(request.Community, ct).ConfigureAwait(false))
                .Select(m => new SelectChoice(m.DisplayName, m.Id.Value)),
            Suggestions.TimeZones => DateTimeZoneProviders.Tzdb.Ids.Select(id => new SelectChoice(id, id)),
            Suggestions.OwnOpenAsks => (await askStore.ListMemberAsksAsync(request.Community, request.Caller, ct).ConfigureAwait(false))
                .Where(a => a.Status == AskStatus.Open)
                .Select(a => new SelectChoice($"{a.Id} · {a.Request}", a.Id.Value)),
            _ => [],
        };
        return Rank(candidates, typed.Trim());
    }

    private static List<SelectChoice> Rank(IEnumerable<SelectChoice> candidates, string typed) =>
        candidates
            .Select(c => (Choice: c, At: c.Label.IndexOf(typed, StringComparison.CurrentCultureIgnoreCase)))
            .Where(c => c.At >= 0)
            .OrderBy(c => c.At == 0 ? 0 : 1)
            .ThenBy(c => c.Choice.Label, StringComparer.CurrentCultureIgnoreCase)
            .Take(MaxSuggestions)
            .Select(c => c.Choice)
            .ToList();
}
