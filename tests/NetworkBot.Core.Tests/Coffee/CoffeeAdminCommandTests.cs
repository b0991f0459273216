using NetworkBot.Core.Tests.Commands;

namespace NetworkBot.Core.Tests.Coffee;

public sealed class CoffeeAdminCommandTests : CommandTestBase
{
    [Theory]
    [InlineData("/admin coffee schedule weekday:someday time:10:00", "weekday")]
    [InlineData("/admin coffee schedule weekday:mon time:25:00", "time")]
    [InlineData("/admin coffee schedule weekday:mon time:10:00 group-size:9", "group-size")]
    [InlineData("/admin coffee schedule weekday:mon time:10:00 timezone:Tokyo", "Tokyo")]
    [InlineData("/admin coffee schedule weekday:mon", "`time` is required")]
    [InlineData("/admin coffee schedule weekday:mon time:10:00 cadence:daily", "cadence")]
    public async Task Invalid_schedules_are_refused_and_nothing_changes(string line, string named) =>
        Assert.Contains(named, (await RefusedAndUnchangedAsync("mana", line)).Text);

    [Fact]
    public async Task Members_cannot_schedule_or_run_rounds()
    {
        await RefusedAndUnchangedAsync("aiko", "/admin coffee schedule weekday:mon time:10:00");
        await RefusedAndUnchangedAsync("aiko", "/admin coffee run-now");
    }

    [Fact]
    public async Task Preview_shows_the_groups_and_stores_nothing()
    {
        foreach (var id in new[] { "mana", "aiko", "ben" })
        {
            await Harness.TypeAsync(id, "/coffee join");
        }

        var before = await Harness.SnapshotAsync();
        var preview = await Harness.TypeAsync("mana", "/admin coffee preview");

        Assert.False(preview.IsError, preview.Text);
        Assert.Contains("3 members, 1 groups", preview.Text);
        Assert.Contains("Aiko Tanaka", preview.Fields.Single().Value);
        Assert.Equal(before, await Harness.SnapshotAsync());
    }

    [Fact]
    public async Task A_round_that_cannot_be_made_is_explained_in_words_a_manager_can_act_on()
    {
        await Harness.TypeAsync("aiko", "/coffee join");

        var reply = await Harness.TypeAsync("mana", "/admin coffee run-now");

        Assert.True(reply.IsError);
        Assert.Contains("only 1 members are available", reply.Text);
    }

    [Fact]
    public async Task Schedule_cancel_and_stats()
    {
        var scheduled = await Harness.TypeAsync("mana", "/admin coffee schedule weekday:fri time:12:30 cadence:monthly-last timezone:Europe/Paris group-size:3 mode:shared-interest cooldown:4 channel:#coffee");
        var schedule = await Harness.Store.GetScheduleAsync(CommandHarness.Community, CancellationToken.None);

        Assert.False(scheduled.IsError, scheduled.Text);
        Assert.NotNull(schedule);
        Assert.Equal((Domain.CadenceKind.MonthlyNthWeekday, -1, DayOfWeek.Friday, new TimeOnly(12, 30), "Europe/Paris", 3, Core.Pairing.PairingMode.SharedInterest, 4, "coffee"),
            (schedule.Recurrence.Cadence, schedule.Recurrence.WeekOfMonth, schedule.Recurrence.Weekday, schedule.Recurrence.Time, schedule.Recurrence.TimeZone,
                schedule.GroupSize, schedule.Mode, schedule.CooldownRounds, schedule.Channel));
        Assert.Contains("2026-11-27 12:30", string.Join('\n', scheduled.Fields.Select(f => f.Value)));

        Assert.Contains("No rounds yet", (await Harness.TypeAsync("mana", "/admin coffee stats")).Text);
        Assert.Contains("cancelled", (await Harness.TypeAsync("mana", "/admin coffee cancel")).Text);
        Assert.False((await Harness.Store.GetScheduleAsync(CommandHarness.Community, CancellationToken.None))!.Active);
        Assert.Contains("No coffee rounds are scheduled", (await Harness.TypeAsync("mana", "/admin coffee cancel")).Text);
    }
}
