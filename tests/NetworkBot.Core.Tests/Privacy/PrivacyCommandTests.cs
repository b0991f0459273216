using System.Text.Json;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Pairing;
using NetworkBot.Core.Privacy;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Tests.Commands;

namespace NetworkBot.Core.Tests.Privacy;

/// <summary><c>/privacy export</c>, <c>/privacy delete</c> and <c>/admin privacy delete</c> over the real SQLite store.</summary>
public sealed class PrivacyCommandTests : CommandTestBase
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private Task<Member?> StoredAsync(string id, CommunityId? community = null) =>
        Harness.Store.GetMemberAsync(community ?? CommandHarness.Community, new MemberId(id), Ct);

    private static JsonElement Document(Reply reply)
    {
        Assert.NotNull(reply.File);
        return JsonDocument.Parse(reply.File.Content).RootElement;
    }

    [Fact]
    public async Task Export_sends_the_members_rows_to_their_dms_described_in_both_languages_with_only_the_names_of_others()
    {
        await Harness.TypeAsync("ben", "/intro set pitch:\"Ben's own pitch\" industry:Design");
        await Harness.TypeAsync("aiko", "/intro set pitch:\"Designer who sketches\" offers:\"logos, icons\"");
        await Harness.TypeAsync("aiko", "/coffee join");
        await Harness.TypeAsync("aiko", "/coffee block ben");

        var reply = await Harness.TypeAsync("aiko", "/privacy export");

        Assert.False(reply.IsError, reply.Text);
        Assert.Equal(Visibility.Private, reply.Visibility);
        Assert.Contains("sent to you alone", reply.Text);
        Assert.Equal((PrivacyCommands.ExportFileName, "application/json", true), (reply.File!.Name, reply.File.ContentType, reply.File.Direct));
        var document = Document(reply);
        Assert.Equal(MemberExportDocument.Format, document.GetProperty("format").GetString());
        Assert.Equal(1, document.GetProperty("version").GetInt32());
        Assert.Equal("aiko", document.GetProperty("member").GetString());
        Assert.Equal(CommandHarness.Community.Value, document.GetProperty("community").GetString());
        Assert.True(document.GetProperty("stored").GetBoolean());
        var me = Assert.Single(document.GetProperty("tables").GetProperty("members").EnumerateArray());
        Assert.Equal("Designer who sketches", me.GetProperty("pitch").GetString());
        Assert.Equal(["logos", "icons"], me.GetProperty("offers").EnumerateArray().Select(o => o.GetString()));
        Assert.True(me.GetProperty("coffeeJoined").GetBoolean());
        var block = Assert.Single(document.GetProperty("tables").GetProperty("blocks").EnumerateArray());
        Assert.Equal("ben", block.GetProperty("blockedId").GetString());
        Assert.Equal("Ben Okafor", document.GetProperty("names").GetProperty("ben").GetString());
        Assert.DoesNotContain("Ben's own pitch", reply.File.Content);
        var pitch = document.GetProperty("descriptions").GetProperty("members").GetProperty("fields").GetProperty("pitch");
        Assert.False(string.IsNullOrEmpty(pitch.GetProperty("ja").GetString()));
        Assert.False(string.IsNullOrEmpty(document.GetProperty("about").GetProperty("en").GetString()));
    }

    [Fact]
    public async Task A_caller_with_nothing_stored_is_told_so_and_export_or_delete_stores_nothing()
    {
        var export = await Harness.TypeAsync("newbie", "/privacy export", Language.Ja);
        var warning = await Harness.TypeAsync("newbie", "/privacy delete");
        var delete = await Harness.TypeAsync("newbie", "/privacy delete confirm:yes");

        var document = Document(export);
        Assert.False(document.GetProperty("stored").GetBoolean());
        Assert.Contains("ありません", document.GetProperty("about").GetProperty("ja").GetString());
        Assert.False(document.TryGetProperty("tables", out _));
        Assert.True(export.File!.Direct);
        Assert.Contains("データはありません", export.Text);
        Assert.Single(warning.Buttons);
        Assert.Contains("Nothing is stored", delete.Text);
        Assert.Null(await StoredAsync("newbie"));
    }

    [Fact]
    public async Task Delete_warns_first_then_the_button_erases_and_pressing_it_again_says_nothing_is_stored()
    {
        await Harness.TypeAsync("aiko", "/intro set pitch:\"Designer\"");

        var warning = await Harness.TypeAsync("aiko", "/privacy delete");

        Assert.False(warning.IsError, warning.Text);
        Assert.Contains("a former member", warning.Text);
        Assert.NotNull(await StoredAsync("aiko"));
        var button = Assert.Single(warning.Buttons);
        Assert.Equal(("Delete my data", ButtonStyle.Danger), (button.Label, button.Style));
        Assert.Equal(("privacy delete", "yes"), (button.Action.Path, button.Action.Options["confirm"]));

        var deleted = await Harness.InvokeAsync("aiko", button.Action.Path, [.. button.Action.Options.Select(o => (o.Key, o.Value))]);
        var again = await Harness.InvokeAsync("aiko", button.Action.Path, [.. button.Action.Options.Select(o => (o.Key, o.Value))]);

        Assert.Contains("nothing about you is stored any more", deleted.Text);
        Assert.False(again.IsError, again.Text);
        Assert.Contains("Nothing is stored about you", again.Text);
        Assert.Null(await StoredAsync("aiko"));
        Assert.False(Document(await Harness.TypeAsync("aiko", "/privacy export")).GetProperty("stored").GetBoolean());
    }

    [Fact]
    public async Task Delete_in_japanese_names_the_button_in_japanese()
    {
        var warning = await Harness.TypeAsync("aiko", "/privacy delete", Language.Ja);

        Assert.Equal("データを削除する", Assert.Single(warning.Buttons).Label);
        Assert.Contains("退会したメンバー", warning.Text);
    }

    [Fact]
    public async Task Confirm_other_than_yes_is_refused_and_nothing_changes() =>
        Assert.Contains("confirm", (await RefusedAndUnchangedAsync("aiko", "/privacy delete confirm:no")).Text);

    [Fact]
    public async Task A_manager_deletes_a_member_after_confirming_and_a_member_may_not()
    {
        var refused = await RefusedAndUnchangedAsync("aiko", "/admin privacy delete member:ben confirm:yes");
        var warning = await Harness.TypeAsync("mana", "/admin privacy delete member:ben");

        Assert.Contains("managers", refused.Text);
        Assert.Contains("Ben Okafor", warning.Text);
        Assert.NotNull(await StoredAsync("ben"));
        var button = Assert.Single(warning.Buttons);
        Assert.Equal(("admin privacy delete", "ben", "yes"), (button.Action.Path, button.Action.Options["member"], button.Action.Options["confirm"]));

        var deleted = await Harness.InvokeAsync("mana", button.Action.Path, [.. button.Action.Options.Select(o => (o.Key, o.Value))]);

        Assert.False(deleted.IsError, deleted.Text);
        Assert.Contains("Deleted everything NetworkBot kept about Ben Okafor", deleted.Text);
        Assert.Null(await StoredAsync("ben"));
        Assert.NotNull(await StoredAsync("aiko"));
    }

    /// <summary>The confirm button pressed a second time names a member no longer stored: the manager is told so, by mention.</summary>
    [Fact]
    public async Task Pressing_the_managers_delete_button_again_says_nothing_is_stored_about_the_member()
    {
        await Harness.AddMemberAsync("81384788765712384", "Ben Okafor");
        var button = Assert.Single((await Harness.TypeAsync("mana", "/admin privacy delete member:81384788765712384")).Buttons);
        var options = button.Action.Options.Select(o => (o.Key, o.Value)).ToArray();

        Assert.False((await Harness.InvokeAsync("mana", button.Action.Path, options)).IsError);
        var again = await Harness.InvokeAsync("mana", button.Action.Path, options);

        Assert.True(again.IsError);
        Assert.Contains("Nothing about <@81384788765712384> is stored in this community", again.Text);
        Assert.Contains("can't find a member called “nobody”", (await Harness.TypeAsync("mana", "/admin privacy delete member:nobody")).Text);
    }

    [Fact]
    public async Task A_manager_cannot_delete_a_member_of_another_community()
    {
        var other = CommunityId.For("shell", "elsewhere");
        await Harness.Store.SaveCommunityAsync(new Community(other, "Elsewhere", CommunitySettings.Default, CommandHarness.Start), Ct);
        await Harness.Store.SaveMemberAsync(new Member(other, new MemberId("zoe"), "Zoe", Profile.Empty, CoffeeEnrollment.NotJoined, CommandHarness.Start), Ct);

        var reply = await RefusedAndUnchangedAsync("mana", "/admin privacy delete member:zoe confirm:yes");

        Assert.Contains("zoe", reply.Text);
        Assert.NotNull(await StoredAsync("zoe", other));
    }

    [Fact]
    public async Task Retention_days_are_saved_shown_and_refused_outside_one_to_3650_in_the_callers_language()
    {
        var saved = await Harness.TypeAsync("mana", "/admin setup retention-days:30");
        var shown = await Harness.TypeAsync("mana", "/admin setup");

        Assert.False(saved.IsError, saved.Text);
        Assert.Equal(30, (await Harness.Store.GetCommunityAsync(CommandHarness.Community, Ct))!.Settings.RetentionDays);
        Assert.Contains(shown.Fields, f => f.Name == "Data kept after leaving" && f.Value == "30 days");
        Assert.Contains("1 to 3650", (await RefusedAndUnchangedAsync("mana", "/admin setup retention-days:0")).Text);
        Assert.Contains("retention-days", (await RefusedAndUnchangedAsync("mana", "/admin setup retention-days:3651")).Text);
        var japanese = await Harness.TypeAsync("mana", "/admin setup retention-days:-5", Language.Ja);
        Assert.True(japanese.IsError);
        Assert.Contains("1から3650までの整数", japanese.Text);
    }

    [Fact]
    public async Task Others_see_a_deleted_member_they_met_as_a_former_member_never_by_id()
    {
        var round = new Round(CommandHarness.Community, RoundId.New(), CommandHarness.Start, 2, PairingMode.Random, 1);
        var group = new Group(round.Id, GroupId.New(), [new MemberId("aiko"), new MemberId("ben")], MeetingOutcome.Unknown);
        await Harness.Store.SaveRoundAsync(new RoundRecord(round, [group]), new RoundBasis([], null), [], Ct);
        await Harness.Store.RecordAnswerAsync(CommandHarness.Community, new GroupAnswer(group.Id, new MemberId("aiko"), MeetingOutcome.Met, CommandHarness.Start),
            MeetingOutcome.Met, group.Version, [Connection.Between(CommandHarness.Community, group.Members[0], group.Members[1], CommandHarness.Start)], Ct);

        await Harness.TypeAsync("ben", "/privacy delete confirm:yes");

        var connections = await Harness.TypeAsync("aiko", "/connections");
        var history = await Harness.TypeAsync("aiko", "/coffee history", Language.Ja);
        Assert.Equal("a former member", Assert.Single(connections.Fields).Name);
        Assert.Contains("退会したメンバー", history.Text);
        Assert.DoesNotContain("erased:", connections.Fields.Single().Name + history.Text);
        Assert.DoesNotContain("Ben", connections.Fields.Single().Name + history.Text);
    }

    [Fact]
    public async Task A_member_deleted_during_a_round_is_left_out_of_the_check_in_the_others_still_get()
    {
        foreach (var member in new[] { "mana", "aiko", "ben" })
        {
            await Harness.TypeAsync(member, "/coffee join");
        }

        await Harness.TypeAsync("mana", "/admin coffee run-now");
        await Harness.TickAsync();
        await Harness.TypeAsync("aiko", "/privacy delete confirm:yes");
        Harness.Clock.Advance(TimeSpan.FromDays(5));
        await Harness.TickAsync();

        var checkIn = Assert.Single(Harness.Platform.Keyed("round:"), m => m.Key.Contains(":check-in:", StringComparison.Ordinal));
        Assert.Equal(["ben", "mana"], checkIn.Target.Members.Select(m => m.Value).Order());
    }

    [Fact]
    public async Task A_deleted_member_going_to_a_full_event_gives_up_the_place_to_the_first_on_the_waitlist_who_is_told()
    {
        await Harness.TypeAsync("mana", "/admin setup timezone:Asia/Tokyo announcement-channel:news");
        await Harness.TypeAsync("mana", "/admin events create title:\"Rust meetup\" date:2026-12-03 time:19:00 capacity:1 place:Shibuya");
        var ev = Assert.Single(await Harness.Store.ListEventsAsync(CommandHarness.Community, includeCancelled: false, Ct));
        await Harness.InvokeAsync("aiko", "events rsvp", ("event", ev.Id.Value), ("status", "going"));
        await Harness.InvokeAsync("ben", "events rsvp", ("event", ev.Id.Value), ("status", "going"));

        var deleted = await Harness.TypeAsync("aiko", "/privacy delete confirm:yes");
        await Harness.TickAsync();

        Assert.False(deleted.IsError, deleted.Text);
        var rsvp = Assert.Single(await Harness.Store.ListRsvpsAsync(CommandHarness.Community, ev.Id, Ct));
        Assert.Equal((new MemberId("ben"), RsvpStatus.Going), (rsvp.Member, rsvp.Status));
        var promoted = Assert.Single(Harness.Platform.Keyed($"event:{ev.Id}:"), m => m.Key.Contains(":promoted:", StringComparison.Ordinal));
        Assert.Equal([new MemberId("ben")], promoted.Target.Members);
        Assert.Null(await StoredAsync("aiko"));
    }
}
