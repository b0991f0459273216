using System.Globalization;
using System.Text.Json;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Privacy;

namespace NetworkBot.Host.Tests.Journeys;

/// <summary>
/// A member's data, from having it to having none: Aiko meets Ben in a round and they connect → her export reaches her
/// privately (a DM file, or printed in the shell) and holds her rows and Ben's name only → she deletes her data with the
/// warning's button → no row of the database names her, Ben's connection shows "a former member", and her export says
/// nothing is stored. Chen leaves the community → paused, and erased once the retention period the manager set has passed,
/// with a summary to the manager that names no one. The manager deletes Dan on his request. Each erasure is checked by
/// searching every table of the bot's database for the member's id and name.
/// </summary>
internal static class PrivacyJourney
{
    private const string AikoPitch = "I connect hardware founders with investors in Osaka.";
    private const string BenPitch = "I teach product design to engineers on Saturdays.";
    private const string BenRole = "Design coach";

    public static async Task WalkAsync(IJourneySurface s, CancellationToken ct)
    {
        await s.StartAsync("Mana", ct);
        await Journey.OkAsync(s, "Aiko", $"/intro set pitch:\"{AikoPitch}\"", ct);
        await Journey.OkAsync(s, "Ben", $"/intro set pitch:\"{BenPitch}\" role:\"{BenRole}\"", ct);
        await Journey.OkAsync(s, "Aiko", "/coffee join", ct);
        await Journey.OkAsync(s, "Ben", "/coffee join", ct);

        // A round groups Aiko with Ben, and both say they met where the check-in reached them: a connection.
        await Journey.OkAsync(s, "Mana", "/admin coffee run-now", ct);
        var group = Assert.Single((await Journey.RoundAsync(s, 1, ct)).Groups);
        Assert.Equal(new[] { s.Id("Aiko"), s.Id("Ben") }.ToHashSet(), group.Members.ToHashSet());
        await s.AdvanceAsync(TimeSpan.FromDays(7 * RoundScheduler.CheckInAtShare) + TimeSpan.FromMinutes(1), ct);
        foreach (var member in new[] { "Aiko", "Ben" })
        {
            var asked = await s.NextAsync(member, m => m.Text.Contains(CoffeeTexts.RoundCheckIn.En, StringComparison.Ordinal), ct);
            await s.PressAsync(member, asked, CoffeeTexts.ButtonMet.En, ct);
        }

        Assert.Single(await s.Store.ListConnectionsAsync(s.Community, s.Id("Ben"), ct));
        await ExportAsync(s, group, ct);

        // Aiko deletes her data from the warning's button, where the warning reached her.
        var warning = await Journey.OkAsync(s, "Aiko", "/privacy delete", ct);
        var deleted = await s.PressAsync("Aiko", warning, PrivacyTexts.ButtonDelete.En, ct);
        Assert.StartsWith(PrivacyTexts.Deleted.En[..5], deleted.Text, StringComparison.Ordinal);
        var connections = await Journey.OkAsync(s, "Ben", "/connections", ct);
        Assert.Contains(PrivacyTexts.FormerMember.En, connections.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Aiko", connections.Text, StringComparison.Ordinal);
        Assert.Single(await s.Store.ListConnectionsAsync(s.Community, s.Id("Ben"), ct));
        var nothing = await Journey.OkAsync(s, "Aiko", "/privacy export", ct);
        Assert.Contains(PrivacyTexts.ExportNothingStored.En[..30], nothing.Text, StringComparison.Ordinal);
        await Journey.AssertErasedAsync(s, "Aiko", ct);

        // Chen leaves the community: paused at once, erased once the 30 days the manager set have passed.
        await Journey.OkAsync(s, "Chen", "/intro set pitch:\"I run a ceramics studio in Kyoto.\"", ct);
        await Journey.OkAsync(s, "Chen", "/coffee join", ct);
        await s.LeaveAsync("Chen", ct);
        var left = await Journey.StoredAsync(s.Store, s.Community, s.Id("Chen"), m => m.LeftAt is not null, ct);
        Assert.Equal(CoffeeEnrollment.PausedIndefinitely, left.Coffee.PausedUntil);
        await Journey.OkAsync(s, "Mana", "/admin setup retention-days:30", ct);
        await s.AdvanceAsync(TimeSpan.FromDays(31), ct);
        var erasedOne = string.Format(CultureInfo.InvariantCulture, PrivacyTexts.RetentionSummaryOne.En.Split(',')[0], 1, 30);
        var summary = await s.NextAsync("Mana", m => m.Text.Contains(erasedOne, StringComparison.Ordinal), ct);
        Assert.DoesNotContain("Chen", summary.Text, StringComparison.Ordinal);
        await Journey.AssertErasedAsync(s, "Chen", ct);

        // Dan asks the manager to delete his data.
        await Journey.OkAsync(s, "Dan", "/intro set pitch:\"I translate games into Japanese.\"", ct);
        var confirm = await Journey.OkAsync(s, "Mana", $"/admin privacy delete member:{s.Mention("Dan")}", ct);
        var done = await s.PressAsync("Mana", confirm, PrivacyTexts.AdminButtonDelete.En, ct);
        Assert.StartsWith(PrivacyTexts.AdminDeleted.En[..20], done.Text, StringComparison.Ordinal);
        await Journey.AssertErasedAsync(s, "Dan", ct);
    }

    /// <summary>
    /// Aiko's export reaches her where files for her alone go, and holds her pitch, her group, her connection and Ben's
    /// display name — nothing else of Ben's.
    /// </summary>
    private static async Task ExportAsync(IJourneySurface s, Group group, CancellationToken ct)
    {
        var answer = await Journey.OkAsync(s, "Aiko", "/privacy export", ct);
        Assert.Contains(PrivacyTexts.ExportSent.En[..30], answer.Text, StringComparison.Ordinal);
        var delivered = s.FilesInDirectMessages ? await s.NextAsync("Aiko", m => m.File is not null, ct) : answer;
        Assert.Equal(s.FilesInDirectMessages ? Place.Direct : Place.Answer, delivered.Where);
        if (s.FilesInDirectMessages)
        {
            Assert.Null(answer.File);
        }

        var file = delivered.File!;
        Assert.Equal(PrivacyCommands.ExportFileName, file.Name);
        var export = JsonDocument.Parse(file.Content).RootElement;
        var (aiko, ben) = (s.Id("Aiko").Value, s.Id("Ben").Value);
        Assert.Equal(aiko, export.GetProperty("member").GetString());
        var tables = export.GetProperty("tables");
        var profile = Assert.Single(tables.GetProperty("members").EnumerateArray());
        Assert.Equal((aiko, AikoPitch), (profile.GetProperty("memberId").GetString(), profile.GetProperty("pitch").GetString()));
        Assert.Equal(
            new[] { aiko, ben }.Order(StringComparer.Ordinal),
            tables.GetProperty("groupMembers").EnumerateArray().Where(m => m.GetProperty("groupId").GetString() == group.Id.Value)
                .Select(m => m.GetProperty("memberId").GetString()).Order(StringComparer.Ordinal));
        var connection = Assert.Single(tables.GetProperty("connections").EnumerateArray());
        Assert.Equal(new[] { aiko, ben }.Order(StringComparer.Ordinal), new[] { connection.GetProperty("memberA").GetString(), connection.GetProperty("memberB").GetString() }.Order(StringComparer.Ordinal));
        Assert.Equal("Ben", export.GetProperty("names").GetProperty(ben).GetString());
        Assert.DoesNotContain(BenPitch, file.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(BenRole, file.Content, StringComparison.Ordinal);
    }
}
