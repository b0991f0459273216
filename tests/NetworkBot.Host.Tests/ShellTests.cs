using NetworkBot.Core.Commands;
using NetworkBot.Host.Shell;

namespace NetworkBot.Host.Tests;

/// <summary>Scripted shell sessions: every command of the table through the shell path, and bad input.</summary>
public sealed class ShellTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    private async Task<string> ShellAsync(string script, string member = "mana")
    {
        var (exit, output, error) = await cli.RunAsync(script, "shell", "--community", "test", "--as", member);
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        return output;
    }

    /// <summary>A session that uses every command of the table at least once, typed or pressed.</summary>
    private const string EveryCommandScript = """
        /help
        /admin setup language:en timezone:Asia/Tokyo intro-channel:intros coffee-channel:coffee announcement-channel:news
        /admin interests create rust description:"Systems programming"
        /admin interests create photography
        /admin interests archive photography
        /as Aiko Tanaka
        /intro set pitch:"I build payment APIs" role:Engineer industry:finance offers:"code review" seeks:"UX feedback" interests:rust,ai timezone:Asia/Tokyo
        /intro show
        /intro post
        /intro set
        /coffee join
        /coffee status
        /press 1
        /coffee pause 2027-02-01
        /coffee join
        /coffee history
        /coffee skip
        /interests list
        /press 1
        /interests find rust
        /interests leave rust
        /interests join rust
        /as Ben Okafor
        /intro show "Aiko Tanaka"
        /coffee block aiko-tanaka
        /coffee unblock
        /press 1
        /coffee join
        /as mana
        /coffee join
        /admin coffee preview
        /admin coffee run-now
        /wait 5d
        /press 1
        /connections
        /admin coffee stats
        /admin coffee schedule weekday:mon time:10:00 cadence:every-2-weeks timezone:Europe/London group-size:2 mode:cross-industry cooldown:6
        /admin coffee cancel
        /admin events create
        /admin events create title:"Rust meetup" date:2030-06-03 time:19:00 timezone:Asia/Tokyo capacity:1 place:"Shibuya, Tokyo"
        /admin events edit "Rust meetup" time:19:30
        /admin events feed
        /admin dashboard
        /events show "Rust meetup"
        /press 1
        /events mine
        /events ics "Rust meetup"
        /as Aiko Tanaka
        /events list
        /events show "Rust meetup"
        /press 1
        /as mana
        /admin events list
        /admin events cancel "Rust meetup"
        /as Aiko Tanaka
        /ask someone who knows UX research
        /asks list
        /asks cancel zzzzzzzz
        /as Ben Okafor
        /offer UX research interviews
        /as mana
        /admin asks stats
        /as Ben Okafor
        /coffee leave
        /privacy export
        /as mana
        /admin privacy delete member:ben-okafor
        /as Aiko Tanaka
        /privacy delete
        /privacy delete confirm:yes
        """;

    /// <summary>The reply printed after the echo of <paramref name="command"/>, up to the next prompt.</summary>
    private static string After(string output, string command)
    {
        var start = output.IndexOf("> " + command + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{command}' was not echoed:\n{output}");
        var rest = output[(start + command.Length + 3)..];
        var next = rest.IndexOf("\n\n", StringComparison.Ordinal);
        return next < 0 ? rest : rest[..next];
    }

    [Fact]
    public async Task A_manager_and_members_use_every_command()
    {
        var output = await ShellAsync(EveryCommandScript);

        Assert.All(CommandTable.All.Where(c => !c.Hidden), c => Assert.Contains("> /" + c.Path, output));

        Assert.Contains("/coffee pause <until>", After(output, "/help"));
        Assert.Contains("For managers", After(output, "/help"));
        Assert.Contains("Saved the settings", output);
        Assert.Contains("nobody's offers answer it yet", After(output, "/ask someone who knows UX research"));
        Assert.Contains("someone who knows UX research", After(output, "/asks list"));
        Assert.Contains("You have no ask `zzzzzzzz`", After(output, "/asks cancel zzzzzzzz"));
        Assert.Contains("check your private messages", After(output, "/offer UX research interviews"));
        Assert.Contains("You just offered “UX research interviews” — Aiko Tanaka is looking for someone who knows UX research.", output);
        Assert.Contains("1 asks · 0 accepted · 0 connected", After(output, "/admin asks stats"));
        Assert.Contains("Created the interest group rust", output);
        Assert.Contains("Archived photography", output);
        Assert.Contains("Now typing as Aiko Tanaka (aiko-tanaka).", output);
        Assert.Contains("Saved your introduction", output);
        Assert.Contains("I build payment APIs", After(output, "/intro show"));
        Assert.Matches("── message #[0-9]+ to #intros ──", output);
        Assert.Contains("Please welcome Aiko Tanaka!", output);
        Assert.Contains("→ /intro set pitch:", After(output, "/intro set"));
        Assert.Contains("[1] Skip next round", After(output, "/coffee status"));
        Assert.Contains("You'll skip the next round", After(output, "/press 1"));
        Assert.Contains("Paused. You won't be matched before 2027-02-01.", output);
        Assert.Contains("Welcome back", output);
        Assert.Contains("haven't been in a coffee round", After(output, "/coffee history"));
        Assert.Contains("[1] rust", After(output, "/interests list"));
        Assert.DoesNotContain("photography", After(output, "/interests list"));
        Assert.Contains("You joined rust", output);
        Assert.Contains("Aiko Tanaka", After(output, "/interests find rust"));
        Assert.Contains("You left rust", output);
        Assert.Contains("I build payment APIs", After(output, "/intro show \"Aiko Tanaka\""));
        Assert.Contains("They are not told", output);
        Assert.Contains("[1] Aiko Tanaka", After(output, "/coffee unblock"));
        Assert.Contains("Aiko Tanaka can be matched with you again", output);
        Assert.Contains("Every 2 week(s) on Monday at 10:00 (Europe/London)", After(output, "/admin coffee schedule weekday:mon time:10:00 cadence:every-2-weeks timezone:Europe/London group-size:2 mode:cross-industry cooldown:6"));
        Assert.Contains("Preview of the next round", After(output, "/admin coffee preview"));
        Assert.Contains("Round started: 2 members in 1 groups", output);
        Assert.DoesNotContain("Aiko Tanaka", After(output, "/admin coffee preview"));
        Assert.Contains("Why you were matched", output);
        Assert.Contains("Did you meet?", After(output, "/wait 5d"));
        Assert.Contains("connected with", output);
        Assert.Contains("since", After(output, "/connections"));
        Assert.Contains("met 100%", After(output, "/admin coffee stats"));
        Assert.Contains("in the file networkbot-data.json, sent to you alone", After(output, "/privacy export"));
        Assert.Contains("Delete this member's data", After(output, "/admin privacy delete member:ben-okafor"));
        Assert.Contains("Delete my data", After(output, "/privacy delete"));
        Assert.Contains("nothing about you is stored any more", After(output, "/privacy delete confirm:yes"));
        Assert.Contains("cancelled", After(output, "/admin coffee cancel"));
        Assert.Contains("You've left coffee chats", After(output, "/coffee leave"));
        Assert.Contains("→ /admin events create title:", After(output, "/admin events create"));
        Assert.Matches("── message #[0-9]+ to #news ──", output);
        Assert.Contains("2030-06-03 19:30 (Asia/Tokyo)", After(output, "/admin events edit \"Rust meetup\" time:19:30"));
        Assert.Contains("http://127.0.0.1:8080/calendar/shell%3Atest.ics?token=", After(output, "/admin events feed"));
        Assert.Matches(@"http://127\.0\.0\.1:8080/dashboard/sign-in\?token=[A-Za-z0-9_-]{43}", After(output, "/admin dashboard"));
        Assert.Contains("going", After(output, "/events mine"));
        Assert.Contains("DTSTART;TZID=Asia/Tokyo:20300603T193000", After(output, "/events ics \"Rust meetup\""));
        Assert.Contains("Rust meetup is full, so you're on its waitlist", output);
        Assert.Contains("going 1, maybe 0, waitlist 1", After(output, "/admin events list"));
        Assert.Contains("Rust meetup (2030-06-03 19:30 (Asia/Tokyo)) is cancelled.", output);
        var export = After(output, "/privacy export");
        Assert.Contains("📎 networkbot-data.json (application/json):", export);
        var document = System.Text.Json.JsonDocument.Parse(export[(export.IndexOf("):\n", StringComparison.Ordinal) + 3)..]).RootElement;
        Assert.Equal(("networkbot-member-export", "ben-okafor"), (document.GetProperty("format").GetString(), document.GetProperty("member").GetString()));
    }

    [Fact]
    public async Task An_event_reminds_and_follows_up_as_time_passes_and_attendees_connect()
    {
        var start = DateTimeOffset.UtcNow.AddHours(48).AddMinutes(30);
        var date = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var time = start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

        var output = await ShellAsync($"""
            /admin events create title:Lunch date:{date} time:{time} duration:"1h 30m" reminders:1h
            /events show Lunch
            /press 1
            /as Aiko Tanaka
            /events show Lunch
            /press 1
            /wait 48h
            /wait 2x
            /wait 2時間15分
            /press 1
            /as mana
            /press 1
            /connections
            """);

        Assert.Contains($"{date} {time} (UTC)", After(output, "/events show Lunch"));
        Assert.Contains("Reminder: Lunch starts in", After(output, "/wait 48h"));
        Assert.Matches("── message #[0-9]+ to DM aiko-tanaka ──", After(output, "/wait 48h"));
        Assert.Contains("✖ /wait takes a length up to 999 days, like 5d, 12h, 30m or 1h30m.", After(output, "/wait 2x"));
        Assert.Contains("Thanks for coming to Lunch!", After(output, "/wait 2時間15分"));
        Assert.Contains("[1] Connect: mana", After(output, "/wait 2時間15分"));
        Assert.Contains("When mana presses “connect” for you too", output);
        Assert.Contains("You and Aiko Tanaka are now connected.", output);
        Assert.Contains("Aiko Tanaka", After(output, "/connections"));
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_message_and_changes_nothing()
    {
        var longPitch = new string('x', 10_240);
        var output = await ShellAsync($"""
            /intro set pitch:Original
            /dance
            /coffee pause
            /coffee join
            /coffee pause 2026-02-30
            /intro set pitch:"{longPitch}"
            /intro set timezone:Mars/Base
            /coffee block mana
            /admin setup language:ja
            /press 7
            /intro show
            """, member: "mana");

        Assert.Contains("✖ I don't know the command `/dance`", output);
        Assert.Contains("`until` is required", output);
        Assert.Contains("must be a date like 2026-12-31, not “2026-02-30”", output);
        Assert.Contains("`pitch` is too long: 10240 characters, at most 280", output);
        Assert.Contains("“Mars/Base” is not a time zone I know", output);
        Assert.Contains("You can't block yourself", output);
        Assert.Contains("✖ There is nothing to press", output);
        Assert.Contains("Original", After(output, "/intro show"));
        Assert.DoesNotContain("Paused", output);
    }

    [Fact]
    public async Task The_first_member_manages_and_the_next_does_not()
    {
        await ShellAsync("/help", member: "mana");

        var output = await ShellAsync("/admin interests create rust", member: "newbie");

        Assert.Contains("Only community managers can use `/admin interests create`", output);
    }

    [Fact]
    public async Task Data_persists_between_sessions_in_the_same_file()
    {
        await ShellAsync("/intro set pitch:\"Still here\"");

        var output = await ShellAsync("/intro show");

        Assert.Contains("Still here", output);
        Assert.True(File.Exists(cli.DatabasePath));
    }

    [Fact]
    public async Task A_member_leaving_the_community_has_coffee_chats_paused_and_switching_to_someone_stores_nobody()
    {
        var output = await ShellAsync("""
            /as Aiko Tanaka
            /coffee join
            /as Zoe
            /as mana
            /help
            /leave Aiko Tanaka
            /leave Zoe
            """);

        Assert.Contains("Aiko Tanaka (aiko-tanaka) left the community", After(output, "/leave Aiko Tanaka"));
        Assert.Contains("/leave NAME", After(output, "/help"));
        Assert.Contains("✖ Nobody called Zoe is stored in this community.", After(output, "/leave Zoe"));
        using var store = new Journeys.JourneyStore(cli.ConnectionString);
        var community = Core.Domain.CommunityId.For(ShellPlatform.Name, "test");
        var aiko = await store.Store.GetMemberAsync(community, new Core.Domain.MemberId("aiko-tanaka"), CancellationToken.None);
        Assert.Equal(Core.Coffee.CoffeeEnrollment.PausedIndefinitely, aiko!.Coffee.PausedUntil);
        Assert.Null(await store.Store.GetMemberAsync(community, new Core.Domain.MemberId("zoe"), CancellationToken.None));
    }

    [Fact]
    public async Task Japanese_members_get_japanese_replies()
    {
        var output = await ShellAsync("""
            /intro set language:ja
            /coffee join
            /coffee pause 2020-01-01
            """);

        Assert.Contains("参加しました", output);
        Assert.Contains("今日", output);
    }
}
