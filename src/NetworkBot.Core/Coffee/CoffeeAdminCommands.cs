using System.Globalization;
using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Pairing;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Storage;
using NodaTime;

namespace NetworkBot.Core.Coffee;

/// <summary><c>/admin coffee schedule | preview | run-now | cancel | stats</c>: managers decide when rounds happen and how they group people.</summary>
public sealed class CoffeeAdminCommands(ICoffeeStore store, CoffeeRounds rounds) : ICommandModule
{
    private const int PreviewGroups = 25;
    private const int StatsRounds = 8;

    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["mon"] = DayOfWeek.Monday, ["tue"] = DayOfWeek.Tuesday, ["wed"] = DayOfWeek.Wednesday, ["thu"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday, ["sat"] = DayOfWeek.Saturday, ["sun"] = DayOfWeek.Sunday,
    };

    public IReadOnlyDictionary<string, CommandHandler> Handlers => new Dictionary<string, CommandHandler>
    {
        ["admin coffee schedule"] = ScheduleAsync,
        ["admin coffee preview"] = PreviewAsync,
        ["admin coffee run-now"] = RunNowAsync,
        ["admin coffee cancel"] = CancelAsync,
        ["admin coffee stats"] = StatsAsync,
    };

    private async Task<Reply> ScheduleAsync(CommandContext context, CancellationToken ct)
    {
        var options = context.Options;
        var cadence = options.Get(CoffeeScheduleOptions.Cadence) ?? "weekly";
        var (kind, interval, weekOfMonth) = cadence switch
        {
            "every-2-weeks" => (CadenceKind.Weekly, 2, 0),
            "every-3-weeks" => (CadenceKind.Weekly, 3, 0),
            "every-4-weeks" => (CadenceKind.Weekly, 4, 0),
            "monthly-1st" => (CadenceKind.MonthlyNthWeekday, 0, 1),
            "monthly-2nd" => (CadenceKind.MonthlyNthWeekday, 0, 2),
            "monthly-3rd" => (CadenceKind.MonthlyNthWeekday, 0, 3),
            "monthly-4th" => (CadenceKind.MonthlyNthWeekday, 0, 4),
            "monthly-last" => (CadenceKind.MonthlyNthWeekday, 0, -1),
            _ => (CadenceKind.Weekly, 1, 0),
        };
        var zone = options.Get(CoffeeScheduleOptions.TimeZone) ?? context.Community.Settings.TimeZone;
        var today = Instant.FromDateTimeOffset(context.Now).InZone(DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) ?? DateTimeZone.Utc).Date.ToDateOnly();
        var schedule = new CoffeeSchedule(
            context.Community.Id,
            new Recurrence(kind, interval, weekOfMonth, Weekdays[options.Get(CoffeeScheduleOptions.Weekday)], options.Get(CoffeeScheduleOptions.Time), zone, today),
            (int)(options.Get(CoffeeScheduleOptions.GroupSize) ?? 2),
            PairingModeNames.TryParse(options.Get(CoffeeScheduleOptions.Mode) ?? string.Empty, out var mode) ? mode : PairingMode.Random,
            (int)(options.Get(CoffeeScheduleOptions.Cooldown) ?? RoundSettings.Default.CooldownRounds),
            options.Get(CoffeeScheduleOptions.Channel),
            Active: true)
        {
            // Occurrences before now are not owed: the first round is the next one from here.
            LastRoundFor = context.Now,
            Version = (await store.GetScheduleAsync(context.Community.Id, ct).ConfigureAwait(false))?.Version ?? 0,
        };
        await store.SaveScheduleAsync(schedule, [], ct).ConfigureAwait(false);
        return Describe(context, schedule, context.Text(CoffeeTexts.ScheduleSaved));
    }

    private async Task<Reply> PreviewAsync(CommandContext context, CancellationToken ct)
    {
        var schedule = await ActiveScheduleAsync(context, ct).ConfigureAwait(false);
        var settings = schedule is null ? RoundSettings.Default : RoundSettings.From(schedule);
        var seed = context.Now.ToUnixTimeSeconds();
        var plan = await rounds.PlanAsync(context.Community.Id, settings, seed, ct).ConfigureAwait(false);
        if (plan.Outcome is PairingOutcome.Failure failure)
        {
            return Reply.Error(RoundOutcome.From(failure, plan.Members.Count, settings.GroupSize).Reason.Render(context.Language));
        }

        var result = ((PairingOutcome.Success)plan.Outcome).Result;
        var stats = result.Stats;
        var fields = result.Groups.Take(PreviewGroups).Select((g, i) => new ReplyField(
            (i + 1).ToString(CultureInfo.InvariantCulture),
            string.Join(" · ", g.Select(id => plan.Members[id]).Select(m => m.Profile.Industry is { } industry ? $"{m.DisplayName} ({industry})" : m.DisplayName)))).ToList();
        return new Reply(context.Text(CoffeeTexts.PreviewStats, stats.Members, stats.Groups, stats.RepeatPairs, Percent(stats.CrossIndustryShare), Percent(stats.SharedInterestShare), seed))
        {
            Title = context.Text(CoffeeTexts.PreviewTitle),
            Fields = fields,
        };
    }

    /// <summary>
    /// A round is checked whole against what it was worked out from, so in a busy community a member's change meanwhile
    /// (a <c>/coffee skip</c>) refuses it; the manager waited for it, so it is worked out again from fresh data a few
    /// times before they are told.
    /// </summary>
    private Task<Reply> RunNowAsync(CommandContext context, CancellationToken ct) => StaleWrites.RetryAsync(() => TryRunNowAsync(context, ct));

    private async Task<Reply> TryRunNowAsync(CommandContext context, CancellationToken ct)
    {
        var schedule = await ActiveScheduleAsync(context, ct).ConfigureAwait(false);
        var settings = schedule is null ? RoundSettings.Default : RoundSettings.From(schedule);
        var endsAt = schedule is null ? null : ScheduleCalculator.NextOccurrence(schedule.Recurrence, context.Now);
        var seed = context.Now.ToUnixTimeSeconds();
        var outcome = await rounds.RunAsync(context.Community.Id, settings, seed, ct, endsAt: endsAt ?? context.Now + CoffeeRounds.DefaultLength).ConfigureAwait(false);
        return outcome switch
        {
            RoundOutcome.Started started => new Reply(context.Text(CoffeeTexts.RunNowStarted, started.Stats.Members, started.Stats.Groups, seed)),
            RoundOutcome.NotPossible notPossible => Reply.Error(notPossible.Reason.Render(context.Language)),
            _ => throw new InvalidOperationException("Unknown round outcome."),
        };
    }

    private async Task<Reply> CancelAsync(CommandContext context, CancellationToken ct)
    {
        var schedule = await ActiveScheduleAsync(context, ct).ConfigureAwait(false);
        if (schedule is null)
        {
            return new Reply(context.Text(CoffeeTexts.ScheduleNone));
        }

        await store.SaveScheduleAsync(schedule with { Active = false }, [], ct).ConfigureAwait(false);
        return new Reply(context.Text(CoffeeTexts.ScheduleCancelled));
    }

    private async Task<Reply> StatsAsync(CommandContext context, CancellationToken ct)
    {
        var recent = await store.ListRoundsAsync(context.Community.Id, StatsRounds, ct).ConfigureAwait(false);
        var schedule = await ActiveScheduleAsync(context, ct).ConfigureAwait(false);
        if (recent.Count == 0)
        {
            return schedule is null ? new Reply(context.Text(CoffeeTexts.StatsNone)) : Describe(context, schedule, context.Text(CoffeeTexts.StatsNone));
        }

        var fields = recent.Reverse().Select(r => new ReplyField(
            Instant.FromDateTimeOffset(r.Round.StartedAt).InZone(context.Zone).Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            context.Text(CoffeeTexts.StatsLine, r.Groups.Sum(g => g.Members.Count), r.Groups.Count, Percent(r.Groups.Count(g => g.Outcome == MeetingOutcome.Met) / (double)Math.Max(1, r.Groups.Count)))))
            .ToList();
        return new Reply(string.Empty) { Title = context.Text(CoffeeTexts.StatsTitle), Fields = fields };
    }

    private async Task<CoffeeSchedule?> ActiveScheduleAsync(CommandContext context, CancellationToken ct) =>
        await store.GetScheduleAsync(context.Community.Id, ct).ConfigureAwait(false) is { Active: true } schedule ? schedule : null;

    private static Reply Describe(CommandContext context, CoffeeSchedule schedule, string text)
    {
        var rounds = schedule.Recurrence;
        var weekday = CultureInfo.GetCultureInfo(context.Language == Language.Ja ? "ja-JP" : "en-GB").DateTimeFormat.GetDayName(rounds.Weekday);
        var time = rounds.Time.ToString("HH:mm", CultureInfo.InvariantCulture);
        var when = rounds.Cadence == CadenceKind.Weekly
            ? context.Text(CoffeeTexts.ScheduleCadenceWeekly, rounds.IntervalWeeks, weekday, time, rounds.TimeZone)
            : context.Text(CoffeeTexts.ScheduleCadenceMonthly, rounds.WeekOfMonth == -1 ? "last" : rounds.WeekOfMonth.ToString(CultureInfo.InvariantCulture), weekday, time, rounds.TimeZone);
        var next = ScheduleCalculator.NextOccurrences(rounds, context.Now, 3)
            .Select(o => Instant.FromDateTimeOffset(o).InZone(DateTimeZoneProviders.Tzdb[rounds.TimeZone]).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        var fields = new List<ReplyField>
        {
            new(context.Text(CoffeeTexts.ScheduleTitle), when),
            new(context.Text(CoffeeTexts.ScheduleGroups), context.Text(CoffeeTexts.ScheduleGroupsValue, schedule.GroupSize, schedule.Mode.ToName(), schedule.CooldownRounds)),
            new(context.Text(CoffeeTexts.ScheduleNext), string.Join('\n', next)),
        };
        if (schedule.Channel is { } channel)
        {
            fields.Add(new(context.Text(CoffeeTexts.ScheduleChannel), "#" + channel));
        }

        return new Reply(text) { Title = context.Text(CoffeeTexts.ScheduleTitle), Fields = fields };
    }

    private static int Percent(double share) => (int)Math.Round(share * 100);
}
