using System.Globalization;
using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Texts;

namespace NetworkBot.Core.Coffee;

/// <summary>
/// <c>/coffee …</c>: taking part in coffee rounds on the member's own terms — join, leave, pause until a
/// date, skip one round, see status and history, and a private list of people never to be matched with.
/// </summary>
public sealed class CoffeeCommands(IMemberStore memberStore, ICoffeeStore coffeeStore, LateJoiners lateJoiners) : ICommandModule
{
    private const int HistoryRounds = 10;

    public IReadOnlyDictionary<string, CommandHandler> Handlers => new Dictionary<string, CommandHandler>
    {
        ["coffee join"] = JoinAsync,
        ["coffee leave"] = LeaveAsync,
        ["coffee pause"] = PauseAsync,
        ["coffee skip"] = SkipAsync,
        ["coffee status"] = StatusAsync,
        ["coffee history"] = HistoryAsync,
        ["coffee block"] = BlockAsync,
        ["coffee unblock"] = UnblockAsync,
    };

    private async Task<Reply> JoinAsync(CommandContext context, CancellationToken ct)
    {
        var coffee = context.Caller.Coffee;
        if (coffee.Joined && coffee.PausedUntil is null && !coffee.SkipNext)
        {
            return new Reply(context.Text(CoffeeTexts.CoffeeAlreadyJoined));
        }

        var joined = context.Caller with { Coffee = new CoffeeEnrollment(Joined: true, PausedUntil: null, SkipNext: false) };
        await memberStore.SaveMemberAsync(joined, ct).ConfigureAwait(false);
        if (await lateJoiners.PlaceAsync(context.Community, joined, ct).ConfigureAwait(false) is { } group)
        {
            var names = await memberStore.NamesAsync(context.Community.Id, group.Members, context.Language, ct).ConfigureAwait(false);
            return new Reply(context.Text(CoffeeTexts.CoffeeJoinedLate, NameList.Join(names, context.Language)));
        }

        return new Reply(context.Text(coffee.Joined ? CoffeeTexts.CoffeeResumed : CoffeeTexts.CoffeeJoined));
    }

    private async Task<Reply> LeaveAsync(CommandContext context, CancellationToken ct)
    {
        if (!context.Caller.Coffee.Joined)
        {
            return new Reply(context.Text(CoffeeTexts.CoffeeNotJoined));
        }

        await SaveAsync(context, CoffeeEnrollment.NotJoined, ct).ConfigureAwait(false);
        return new Reply(context.Text(CoffeeTexts.CoffeeLeft));
    }

    private async Task<Reply> PauseAsync(CommandContext context, CancellationToken ct)
    {
        if (!context.Caller.Coffee.Joined)
        {
            return Reply.Error(context.Text(CoffeeTexts.CoffeeNotJoined));
        }

        var until = context.Options.Get(CoffeeOptions.Until);
        if (until <= context.Today)
        {
            return Reply.Error(context.Text(CoffeeTexts.CoffeePauseNotFuture, Iso(context.Today)));
        }

        var latest = context.Today.AddYears(1);
        if (until > latest)
        {
            return Reply.Error(context.Text(CoffeeTexts.CoffeePauseTooFar, Iso(latest)));
        }

        await SaveAsync(context, context.Caller.Coffee with { PausedUntil = until }, ct).ConfigureAwait(false);
        return new Reply(context.Text(CoffeeTexts.CoffeePaused, Iso(until)));
    }

    private async Task<Reply> SkipAsync(CommandContext context, CancellationToken ct)
    {
        var coffee = context.Caller.Coffee;
        if (!coffee.Joined)
        {
            return Reply.Error(context.Text(CoffeeTexts.CoffeeNotJoined));
        }

        if (coffee.SkipNext)
        {
            return new Reply(context.Text(CoffeeTexts.CoffeeAlreadySkipping));
        }

        await SaveAsync(context, coffee with { SkipNext = true }, ct).ConfigureAwait(false);
        return new Reply(context.Text(CoffeeTexts.CoffeeSkipping));
    }

    private async Task<Reply> StatusAsync(CommandContext context, CancellationToken ct)
    {
        var coffee = context.Caller.Coffee;
        var state = coffee switch
        {
            { Joined: false } => context.Text(CoffeeTexts.CoffeeStatusOut),
            { PausedUntil: { } until } when until == CoffeeEnrollment.PausedIndefinitely => context.Text(CoffeeTexts.CoffeeStatusPausedIndefinitely),
            { PausedUntil: { } until } when until > context.Today => context.Text(CoffeeTexts.CoffeeStatusPaused, Iso(until)),
            { SkipNext: true } => context.Text(CoffeeTexts.CoffeeStatusSkipping),
            _ => context.Text(CoffeeTexts.CoffeeStatusActive),
        };
        var rounds = await coffeeStore.ListMemberRoundsAsync(context.Community.Id, context.Caller.Id, int.MaxValue, ct).ConfigureAwait(false);
        var blocked = await coffeeStore.ListBlockedAsync(context.Community.Id, context.Caller.Id, ct).ConfigureAwait(false);
        var buttons = coffee.Joined
            ? new List<ReplyButton>
            {
                new(context.Text(CoffeeTexts.ButtonSkip), CommandInvocation.Of("coffee skip")),
                new(context.Text(Messages.ButtonLeave), CommandInvocation.Of("coffee leave"), ButtonStyle.Danger),
            }
            : [new(context.Text(Messages.ButtonJoin), CommandInvocation.Of("coffee join"), ButtonStyle.Primary)];
        return new Reply(state)
        {
            Title = context.Text(CoffeeTexts.CoffeeStatusTitle),
            Fields =
            [
                new(context.Text(CoffeeTexts.CoffeeStatusRounds), rounds.Count.ToString(CultureInfo.InvariantCulture), Inline: true),
                new(context.Text(CoffeeTexts.CoffeeStatusBlocks), blocked.Count.ToString(CultureInfo.InvariantCulture), Inline: true),
            ],
            Buttons = buttons,
        };
    }

    private async Task<Reply> HistoryAsync(CommandContext context, CancellationToken ct)
    {
        var rounds = await coffeeStore.ListMemberRoundsAsync(context.Community.Id, context.Caller.Id, HistoryRounds, ct).ConfigureAwait(false);
        if (rounds.Count == 0)
        {
            return new Reply(context.Text(CoffeeTexts.CoffeeHistoryEmpty));
        }

        var names = await memberStore.ByIdsAsync(context.Community.Id, rounds.SelectMany(r => r.Groups.Single().Members), ct).ConfigureAwait(false);
        var lines = rounds.Select(record =>
        {
            var group = record.Groups.Single();
            var others = group.Members.Where(id => id != context.Caller.Id).Select(id => names.NameOf(id, context.Language));
            var date = NodaTime.Instant.FromDateTimeOffset(record.Round.StartedAt).InZone(context.Zone).Date.ToDateOnly();
            var outcome = Outcome(group.Outcome)?.Get(context.Language);
            return context.Text(CoffeeTexts.CoffeeHistoryLine, Iso(date), string.Join(", ", others)) + (outcome is null ? string.Empty : $" ({outcome})");
        });
        return new Reply(string.Join('\n', lines)) { Title = context.Text(CoffeeTexts.CoffeeHistoryTitle) };
    }

    private async Task<Reply> BlockAsync(CommandContext context, CancellationToken ct)
    {
        var target = context.Options.Get(CoffeeOptions.Blocked);
        if (target.Id == context.Caller.Id)
        {
            return Reply.Error(context.Text(CoffeeTexts.CoffeeBlockSelf));
        }

        var added = await coffeeStore.AddBlockAsync(context.Community.Id, new Block(context.Caller.Id, target.Id), ct).ConfigureAwait(false);
        return new Reply(context.Text(added ? CoffeeTexts.CoffeeBlocked : CoffeeTexts.CoffeeAlreadyBlocked, target.DisplayName));
    }

    private async Task<Reply> UnblockAsync(CommandContext context, CancellationToken ct)
    {
        if (context.Options.Get(CoffeeOptions.Unblocked) is { } target)
        {
            var removed = await coffeeStore.RemoveBlockAsync(context.Community.Id, new Block(context.Caller.Id, target.Id), ct).ConfigureAwait(false);
            return new Reply(context.Text(removed ? CoffeeTexts.CoffeeUnblocked : CoffeeTexts.CoffeeNotBlocked, target.DisplayName));
        }

        var blocked = await coffeeStore.ListBlockedAsync(context.Community.Id, context.Caller.Id, ct).ConfigureAwait(false);
        if (blocked.Count == 0)
        {
            return new Reply(context.Text(CoffeeTexts.CoffeeNoBlocks));
        }

        var members = await memberStore.ByIdsAsync(context.Community.Id, blocked.Take(25), ct).ConfigureAwait(false);
        var choices = members.Values.OrderBy(m => m.DisplayName, StringComparer.CurrentCulture).Select(m => new SelectChoice(m.DisplayName, m.Id.Value)).ToList();
        return new Reply(context.Text(CoffeeTexts.CoffeeBlocksList, string.Join(", ", choices.Select(c => c.Label))))
        {
            Select = new ReplySelect(context.Text(CoffeeTexts.CoffeeUnblockPlaceholder), CommandInvocation.Of("coffee unblock"), CoffeeOptions.Unblocked.Name, choices),
        };
    }

    private Task SaveAsync(CommandContext context, CoffeeEnrollment coffee, CancellationToken ct) =>
        memberStore.SaveMemberAsync(context.Caller with { Coffee = coffee }, ct);

    private static LocalizedText? Outcome(MeetingOutcome outcome) => outcome switch
    {
        MeetingOutcome.Met => CoffeeTexts.OutcomeMet,
        MeetingOutcome.NotYet => CoffeeTexts.OutcomeNotYet,
        MeetingOutcome.DidNotMeet => CoffeeTexts.OutcomeDidNotMeet,
        _ => null,
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
