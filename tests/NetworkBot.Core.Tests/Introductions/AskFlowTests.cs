using NetworkBot.Core.Dashboard;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Introductions;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Tests.Commands;

namespace NetworkBot.Core.Tests.Introductions;

/// <summary>
/// Introductions on request over the real command layer, SQLite store and Lucene ranking, on a clock the test moves:
/// Aiko asks; Ben, Chen and Dan offer what she looks for; candidates are asked one at a time and introduced only on yes.
/// </summary>
public sealed class AskFlowTests : CommandTestBase
{
    private const string Request = "someone who knows payments regulation";

    private static Profile Offering(string pitch, params string[] offers) => Profile.Empty with { Pitch = pitch, Offers = offers };

    private async Task AddHelpersAsync()
    {
        await Harness.AddMemberAsync("aiko", "Aiko Tanaka", Offering("I build payment APIs at a startup", "API design"));
        await Harness.AddMemberAsync("ben", "Ben Okafor", Offering("Compliance lead at a bank", "payments regulation"));
        await Harness.AddMemberAsync("chen", "Chen Wei", Offering("Fintech lawyer", "fintech regulation"));
    }

    /// <summary>Delivers what is due and returns the messages delivered since <paramref name="before"/> were counted.</summary>
    private async Task<IReadOnlyList<OutboxMessage>> DeliveredAfterAsync(int before)
    {
        await Harness.TickAsync();
        return [.. Harness.Platform.Delivered.Skip(before)];
    }

    private async Task<Ask> OnlyAskAsync(string asker) =>
        Assert.Single(await Harness.Store.ListMemberAsksAsync(CommandHarness.Community, new MemberId(asker), CancellationToken.None));

    private static string AskedMember(OutboxMessage message) => Assert.Single(message.Target.Members).Value;

    private Task<Domain.Member> MemberAsync(string id) => Harness.MemberAsync(id);

    [Fact]
    public async Task Ask_not_now_next_yes_introduction_follow_up_and_connection()
    {
        await AddHelpersAsync();

        var sent = await Harness.TypeAsync("aiko", "/ask " + Request);
        var first = Assert.Single(await DeliveredAfterAsync(0));

        Assert.False(sent.IsError, sent.Text);
        Assert.Contains("one at a time", sent.Text);
        Assert.DoesNotContain("Ben", sent.Text);
        Assert.DoesNotContain("Chen", sent.Text);
        Assert.Equal(MessageTargetKind.Member, first.Target.Kind);
        Assert.Equal("ben", AskedMember(first));
        Assert.Contains("Aiko Tanaka is looking for someone who knows payments regulation — you offered “payments regulation”. Introduce you?", first.Reply.Text);
        Assert.Contains(first.Reply.Fields, f => f.Value == "I build payment APIs at a startup");
        Assert.Equal(["Yes, introduce me", "Not now"], first.Reply.Buttons.Select(b => b.Label));
        var ask = await OnlyAskAsync("aiko");

        var declined = await Harness.InvokeAsync("ben", "asks answer", ("ask", ask.Id.Value), ("answer", "not-now"));
        var second = Assert.Single(await DeliveredAfterAsync(1));

        Assert.Contains("won't be told", declined.Text);
        Assert.Equal("chen", AskedMember(second));

        var accepted = await Harness.InvokeAsync("chen", "asks answer", ("ask", ask.Id.Value), ("answer", "yes"));
        var introduction = Assert.Single(await DeliveredAfterAsync(2));

        Assert.Contains("Aiko Tanaka", accepted.Text);
        Assert.Equal(MessageTargetKind.Group, introduction.Target.Kind);
        Assert.Equal(["aiko", "chen"], introduction.Target.Members.Select(m => m.Value).Order());
        Assert.Contains("Aiko Tanaka, meet Chen Wei!", introduction.Reply.Text);
        Assert.Contains(introduction.Reply.Fields, f => f.Value == Request);
        Assert.Contains(introduction.Reply.Fields, f => f.Value == "fintech regulation");
        Assert.Contains(introduction.Reply.Fields, f => f.Value == "Fintech lawyer");
        Assert.Contains(introduction.Reply.Fields, f => f.Value == "I build payment APIs at a startup");
        Assert.DoesNotContain("Ben", string.Join(' ', introduction.Reply.Fields.Select(f => f.Name + f.Value)) + introduction.Reply.Text);
        ask = await OnlyAskAsync("aiko");
        Assert.Equal((AskStatus.Introduced, "chen"), (ask.Status, ask.IntroducedTo?.Value));
        Assert.Equal(CommandHarness.Start + TimeSpan.FromDays(7), ask.NextStepAt);

        Harness.Clock.Advance(TimeSpan.FromDays(7));
        var followUp = Assert.Single(await DeliveredAfterAsync(3));

        Assert.Equal(["aiko", "chen"], followUp.Target.Members.Select(m => m.Value).Order());
        Assert.Contains("Did you connect?", followUp.Reply.Text);

        var connected = await Harness.InvokeAsync("aiko", "asks connected", ("ask", ask.Id.Value), ("connected", "yes"));
        var again = await Harness.InvokeAsync("chen", "asks connected", ("ask", ask.Id.Value), ("connected", "yes"));

        Assert.Contains("Chen Wei is now among your connections", connected.Text);
        Assert.Contains("already recorded", again.Text);
        var connections = await Harness.Store.ListConnectionsAsync(CommandHarness.Community, new MemberId("aiko"), CancellationToken.None);
        Assert.Equal("chen", Assert.Single(connections).B.Value);
        Assert.Contains("Chen Wei", (await Harness.TypeAsync("aiko", "/connections")).Fields.Select(f => f.Name + f.Value).Aggregate(string.Empty, string.Concat));
        var stats = await Harness.TypeAsync("mana", "/admin asks stats");
        Assert.Contains("1 asks · 1 accepted · 1 connected", stats.Fields[0].Value);
        Assert.Equal(new AskFigures(1, 1, 1), (await Harness.Get<DashboardFigures>().OverviewAsync(CommandHarness.Community, CancellationToken.None)).Introductions);
        Assert.Contains("introduced to Chen Wei — connected", Assert.Single((await Harness.TypeAsync("aiko", "/asks list")).Fields).Value);
    }

    [Fact]
    public async Task Unanswered_candidates_make_way_after_three_days_and_the_ask_expires_with_a_note_naming_nobody()
    {
        await AddHelpersAsync();
        await Harness.TypeAsync("aiko", "/ask " + Request);
        Assert.Equal("ben", AskedMember(Assert.Single(await DeliveredAfterAsync(0))));

        Harness.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal("chen", AskedMember(Assert.Single(await DeliveredAfterAsync(1))));
        Harness.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Empty(await DeliveredAfterAsync(2));
        var waiting = await OnlyAskAsync("aiko");

        Assert.Equal(AskStatus.Open, waiting.Status);
        Assert.All(waiting.Candidates, c => Assert.Equal(CandidateStatus.NoAnswer, c.Status));
        Assert.Equal(waiting.ExpiresAt, waiting.NextStepAt);

        Harness.Clock.Advance(TimeSpan.FromDays(8));
        var note = Assert.Single(await DeliveredAfterAsync(2));

        Assert.Equal("aiko", AskedMember(note));
        Assert.Contains("ended after 14 days", note.Reply.Text);
        Assert.DoesNotContain("Ben", note.Reply.Text);
        Assert.DoesNotContain("Chen", note.Reply.Text);
        Assert.Empty(note.Reply.Buttons);
        Assert.Equal(AskStatus.Expired, (await OnlyAskAsync("aiko")).Status);
        Assert.Equal("expired", Assert.Single((await Harness.TypeAsync("aiko", "/asks list")).Fields).Value);
        Assert.Equal(0, await Harness.TickAsync());
    }

    [Fact]
    public async Task Forged_and_late_presses_change_nothing_and_say_why()
    {
        await AddHelpersAsync();
        await Harness.TypeAsync("aiko", "/ask " + Request);
        var ask = await OnlyAskAsync("aiko");

        var stranger = await Harness.InvokeAsync("mana", "asks answer", ("ask", ask.Id.Value), ("answer", "yes"));
        var notYetAsked = await Harness.InvokeAsync("chen", "asks answer", ("ask", ask.Id.Value), ("answer", "yes"));
        var unknown = await Harness.InvokeAsync("ben", "asks answer", ("ask", "zzzzzzzz"), ("answer", "yes"));
        var earlyFollowUp = await Harness.InvokeAsync("aiko", "asks connected", ("ask", ask.Id.Value), ("connected", "yes"));

        Assert.True(stranger.IsError);
        Assert.Contains("not sent to you", stranger.Text);
        Assert.True(notYetAsked.IsError);
        Assert.Contains("moved on", notYetAsked.Text);
        Assert.Contains("not sent to you", unknown.Text);
        Assert.True(earlyFollowUp.IsError);
        Assert.Equal(ask.Version, (await OnlyAskAsync("aiko")).Version);

        Harness.Clock.Advance(TimeSpan.FromDays(3));
        await Harness.TickAsync();
        var late = await Harness.InvokeAsync("ben", "asks answer", ("ask", ask.Id.Value), ("answer", "yes"));
        await Harness.InvokeAsync("chen", "asks answer", ("ask", ask.Id.Value), ("answer", "yes"));
        var afterIntro = await Harness.InvokeAsync("ben", "asks answer", ("ask", ask.Id.Value), ("answer", "yes"));
        var outsider = await Harness.InvokeAsync("ben", "asks connected", ("ask", ask.Id.Value), ("connected", "yes"));

        Assert.Contains("moved on", late.Text);
        Assert.Contains("is over", afterIntro.Text);
        Assert.Contains("two members introduced", outsider.Text);
        Assert.Equal("chen", (await OnlyAskAsync("aiko")).IntroducedTo?.Value);
        Assert.Empty(await Harness.Store.ListConnectionsAsync(CommandHarness.Community, new MemberId("ben"), CancellationToken.None));
    }

    [Fact]
    public async Task A_withdrawn_ask_asks_nobody_more_and_its_buttons_say_it_is_over()
    {
        await AddHelpersAsync();
        await Harness.TypeAsync("aiko", "/ask " + Request);
        var ask = await OnlyAskAsync("aiko");

        var notHers = await Harness.TypeAsync("ben", "/asks cancel " + ask.Id);
        var cancelled = await Harness.TypeAsync("aiko", "/asks cancel " + ask.Id);
        var twice = await Harness.TypeAsync("aiko", "/asks cancel " + ask.Id);
        var pressed = await Harness.InvokeAsync("ben", "asks answer", ("ask", ask.Id.Value), ("answer", "yes"));
        Harness.Clock.Advance(TimeSpan.FromDays(15));
        var delivered = await DeliveredAfterAsync(0);

        Assert.True(notHers.IsError);
        Assert.Contains("Withdrew", cancelled.Text);
        Assert.Contains("already over", twice.Text);
        Assert.Contains("is over", pressed.Text);
        Assert.Equal("ben", AskedMember(Assert.Single(delivered)));
        Assert.Equal((AskStatus.Withdrawn, null), ((await OnlyAskAsync("aiko")).Status, (await OnlyAskAsync("aiko")).IntroducedTo));
        Assert.Equal("withdrawn", Assert.Single((await Harness.TypeAsync("aiko", "/asks list")).Fields).Value);
    }

    [Fact]
    public async Task An_offer_answers_an_open_ask_nobody_could_and_its_member_is_asked_giving_first()
    {
        await AddHelpersAsync();
        var open = await Harness.TypeAsync("aiko", "/ask someone who runs kubernetes clusters in production");
        Assert.Contains("nobody's offers answer it yet", open.Text);
        Assert.Empty(await DeliveredAfterAsync(0));

        var own = await Harness.TypeAsync("aiko", "/offer kubernetes clusters");
        var offered = await Harness.TypeAsync("ben", "/offer kubernetes clusters in production");
        var asked = Assert.Single(await DeliveredAfterAsync(0));

        Assert.DoesNotContain("private messages", own.Text);
        Assert.Contains("Added “kubernetes clusters in production” to your offers.", offered.Text);
        Assert.Contains("check your private messages", offered.Text);
        Assert.Contains("kubernetes clusters in production", (await MemberAsync("ben")).Profile.Offers);
        Assert.Equal("ben", AskedMember(asked));
        Assert.StartsWith("You just offered “kubernetes clusters in production” — Aiko Tanaka is looking for", asked.Reply.Text);
        var again = await Harness.TypeAsync("ben", "/offer Kubernetes clusters in production");
        Assert.True(again.IsError);
        Assert.Contains("already among your offers", again.Text);
    }

    [Fact]
    public async Task A_second_offer_waits_behind_the_candidate_being_asked()
    {
        await AddHelpersAsync();
        await Harness.TypeAsync("aiko", "/ask someone who runs kubernetes clusters in production");
        await Harness.TypeAsync("ben", "/offer kubernetes clusters in production");
        await Harness.TypeAsync("chen", "/offer kubernetes in production");
        Assert.Equal("ben", AskedMember(Assert.Single(await DeliveredAfterAsync(0))));

        var ask = await OnlyAskAsync("aiko");
        await Harness.InvokeAsync("ben", "asks answer", ("ask", ask.Id.Value), ("answer", "not-now"));

        Assert.Equal(["ben", "chen"], ask.Candidates.Select(c => c.Member.Value));
        Assert.Equal(CandidateStatus.Waiting, ask.Candidates[1].Status);
        var next = Assert.Single(await DeliveredAfterAsync(1));
        Assert.Equal("chen", AskedMember(next));
        Assert.StartsWith("Aiko Tanaka is looking for", next.Reply.Text);
    }

    [Fact]
    public async Task A_request_of_more_than_280_characters_or_only_spaces_is_refused_and_nothing_is_stored()
    {
        var tooLong = await RefusedAndUnchangedAsync("aiko", "/ask " + new string('a', 281));
        var blank = await Harness.InvokeAsync("aiko", "ask", ("request", "   "));

        Assert.Contains("280", tooLong.Text);
        Assert.True(blank.IsError);
        Assert.Empty(await Harness.Store.ListMemberAsksAsync(CommandHarness.Community, new MemberId("aiko"), CancellationToken.None));
    }

    [Fact]
    public async Task The_open_asks_limit_refuses_with_a_clear_sentence()
    {
        await AddHelpersAsync();
        await Harness.TypeAsync("mana", "/admin setup open-asks:1");
        await Harness.TypeAsync("aiko", "/ask " + Request);

        var refused = await RefusedAndUnchangedAsync("aiko", "/ask a designer");

        Assert.Contains("already have 1 open asks", refused.Text);
        Assert.Single(await Harness.Store.ListMemberAsksAsync(CommandHarness.Community, new MemberId("aiko"), CancellationToken.None));
    }

    [Fact]
    public async Task Members_asked_the_weekly_number_of_times_are_not_asked_again_that_week()
    {
        await AddHelpersAsync();
        await Harness.AddMemberAsync("dan", "Dan Ito", Offering("Product manager", "product discovery"));
        await Harness.TypeAsync("mana", "/admin setup intro-requests-per-week:1");
        await Harness.TypeAsync("aiko", "/ask " + Request);
        await Harness.TypeAsync("dan", "/ask " + Request);

        var dans = await OnlyAskAsync("dan");

        Assert.DoesNotContain(dans.Candidates, c => c.Member.Value == "ben");
        Assert.Contains(dans.Candidates, c => c.Member.Value == "chen");
        Harness.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await Harness.TypeAsync("dan", "/ask payments regulation in Europe");
        var latest = (await Harness.Store.ListMemberAsksAsync(CommandHarness.Community, new MemberId("dan"), CancellationToken.None))[0];
        Assert.Contains(latest.Candidates, c => c.Member.Value == "ben");
    }

    /// <summary>
    /// Thirteen members who answer the request best were each asked once this week, more than the first reading of the
    /// ranking holds: the ask reads further down it and proposes the one member left.
    /// </summary>
    [Fact]
    public async Task When_the_best_members_were_all_asked_enough_this_week_the_ranking_is_read_further()
    {
        await Harness.AddMemberAsync("aiko", "Aiko Tanaka", Offering("I build payment APIs at a startup", "API design"));
        var helpers = Enumerable.Range(0, 14).Select(at => $"helper{at:00}").ToArray();
        foreach (var helper in helpers)
        {
            await Harness.AddMemberAsync(helper, helper, Offering("Compliance lead", "payments regulation"));
        }

        await Harness.TypeAsync("mana", "/admin setup intro-requests-per-week:1");
        var now = Harness.Clock.GetUtcNow();
        var asked = helpers.Select(helper => new AskCandidate(new MemberId(helper), "payments regulation", CandidateStatus.Declined, now, now));
        await Harness.Store.SaveAskAsync(
            new Ask(CommandHarness.Community, new AskId("earlier"), new MemberId("zed"), Request, now, now.AddDays(14), AskStatus.Open, [.. asked.Where(c => c.Member.Value != "helper13")]),
            [],
            connection: null,
            CancellationToken.None);

        await Harness.TypeAsync("aiko", "/ask " + Request);

        Assert.Equal("helper13", Assert.Single((await OnlyAskAsync("aiko")).Candidates).Member.Value);
    }

    [Fact]
    public async Task Members_closed_to_intros_blocked_either_way_or_gone_are_never_candidates()
    {
        await AddHelpersAsync();
        await Harness.AddMemberAsync("dan", "Dan Ito", Offering("Regulator", "payments regulation audits"));
        await Harness.AddMemberAsync("eri", "Eri Sato", Offering("Consultant", "payments regulation consulting"));
        await Harness.Store.SaveMemberAsync(await MemberAsync("eri") with { LeftAt = CommandHarness.Start }, CancellationToken.None);
        var closed = await Harness.TypeAsync("ben", "/intro set open-to-intros:no");
        await Harness.TypeAsync("chen", "/coffee block \"Aiko Tanaka\"");
        await Harness.TypeAsync("aiko", "/coffee block \"Dan Ito\"");

        var reply = await Harness.TypeAsync("aiko", "/ask " + Request);

        Assert.Contains("Off: nobody's ask will propose you", closed.Fields[^1].Value);
        Assert.False((await MemberAsync("ben")).Profile.OpenToIntros);
        Assert.DoesNotContain(closed.Fields, f => f.Value.Contains("Off:", StringComparison.Ordinal) && f.Name == "Can offer");
        Assert.DoesNotContain("Intro requests", string.Concat((await Harness.TypeAsync("aiko", "/intro show \"Ben Okafor\"")).Fields.Select(f => f.Name)));
        Assert.Contains("nobody's offers answer it yet", reply.Text);
        Assert.Empty((await OnlyAskAsync("aiko")).Candidates);
    }

    [Fact]
    public async Task A_second_scheduler_over_the_same_store_after_a_restart_sends_nothing_twice()
    {
        await AddHelpersAsync();
        await Harness.TypeAsync("aiko", "/ask " + Request);
        Harness.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, await Harness.TickAsync());

        Harness.Restart();
        var steps = await Harness.TickAsync();

        Assert.Equal(0, steps);
        Assert.Single(Harness.Platform.Keyed($"ask:{(await OnlyAskAsync("aiko")).Id}:asked:chen"));
        Assert.Equal(2, Harness.Platform.Delivered.Count);
    }

    [Fact]
    public async Task Candidates_read_in_their_language_and_japanese_requests_find_japanese_offers()
    {
        await Harness.AddMemberAsync("aiko", "愛子", Offering("決済 API を作っています", "API 設計"));
        await Harness.AddMemberAsync("ben", "Ben Okafor", Offering("銀行のコンプライアンス担当", "決済の規制対応") with { Language = Language.Ja });

        var reply = await Harness.TypeAsync("aiko", "/ask 決済の規制に詳しい人", Language.Ja);
        var asked = Assert.Single(await DeliveredAfterAsync(0));

        Assert.Contains("紹介依頼を受け付けました", reply.Text);
        Assert.Equal("ben", AskedMember(asked));
        Assert.StartsWith("愛子 さんが「決済の規制に詳しい人」を探しています。あなたは「決済の規制対応」を提供できると書いています。", asked.Reply.Text);
        Assert.Equal(["はい、紹介してください", "今回は見送る"], asked.Reply.Buttons.Select(b => b.Label));
    }

    [Fact]
    public async Task A_candidate_matched_by_their_role_hears_it_mentioned_never_offered_and_the_introduction_says_so()
    {
        await Harness.AddMemberAsync("aiko", "Aiko Tanaka", Offering("I build payment APIs at a startup", "API design"));
        await Harness.AddMemberAsync("dan", "Dan Ito", Profile.Empty with { Pitch = "I read contracts for a living.", Role = "Payments regulation counsel" });

        await Harness.TypeAsync("aiko", "/ask " + Request);
        var asked = Assert.Single(await DeliveredAfterAsync(0));

        Assert.Equal("dan", AskedMember(asked));
        Assert.StartsWith("Aiko Tanaka is looking for someone who knows payments regulation — your introduction mentions “Payments regulation counsel”. Introduce you?", asked.Reply.Text);
        Assert.DoesNotContain("offered", asked.Reply.Text);
        await Harness.InvokeAsync("dan", "asks answer", ("ask", (await OnlyAskAsync("aiko")).Id.Value), ("answer", "yes"));
        var introduction = Assert.Single(await DeliveredAfterAsync(1));

        Assert.Contains(introduction.Reply.Fields, f => f.Name == "From Dan Ito's introduction" && f.Value == "Payments regulation counsel");
        Assert.DoesNotContain(introduction.Reply.Fields, f => f.Name.EndsWith("offers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_japanese_a_role_is_quoted_as_mentioned_and_a_pitch_only_match_quotes_nothing()
    {
        await Harness.AddMemberAsync("aiko", "愛子", Offering("決済 API を作っています", "API 設計") with { Language = Language.Ja });
        await Harness.AddMemberAsync("ben", "Ben Okafor", Profile.Empty with { Pitch = "契約書を読む仕事です", Role = "決済規制の弁護士", Language = Language.Ja });
        await Harness.AddMemberAsync("chen", "陳", Profile.Empty with { Pitch = "地方銀行で決済規制を見てきました", Language = Language.Ja });

        await Harness.TypeAsync("aiko", "/ask 決済規制に詳しい人", Language.Ja);
        var byRole = Assert.Single(await DeliveredAfterAsync(0));
        var ask = await OnlyAskAsync("aiko");
        await Harness.InvokeAsync("ben", "asks answer", ("ask", ask.Id.Value), ("answer", "not-now"));
        var byPitch = Assert.Single(await DeliveredAfterAsync(1));

        Assert.Equal(("ben", "chen"), (AskedMember(byRole), AskedMember(byPitch)));
        Assert.StartsWith("愛子 さんが「決済規制に詳しい人」を探しています。あなたの自己紹介に「決済規制の弁護士」とあったので、お声がけしました。", byRole.Reply.Text);
        Assert.StartsWith("愛子 さんが「決済規制に詳しい人」を探しています。あなたの自己紹介から力になれそうだと考えました。", byPitch.Reply.Text);
        Assert.DoesNotContain("「」", byPitch.Reply.Text);
        await Harness.InvokeAsync("chen", "asks answer", ("ask", ask.Id.Value), ("answer", "yes"));
        var introduction = Assert.Single(await DeliveredAfterAsync(2));

        Assert.DoesNotContain(introduction.Reply.Fields, f => f.Name.Contains("提供できること", StringComparison.Ordinal) || f.Value.Length == 0);
        Assert.Contains(introduction.Reply.Fields, f => f.Name == "陳 さんの自己紹介" && f.Value == "地方銀行で決済規制を見てきました");
    }

    [Fact]
    public async Task Community_limits_are_set_and_shown_with_the_settings()
    {
        var reply = await Harness.TypeAsync("mana", "/admin setup intro-requests-per-week:5 open-asks:2");
        var refused = await Harness.TypeAsync("mana", "/admin setup intro-requests-per-week:15");

        var settings = (await Harness.Store.GetCommunityAsync(CommandHarness.Community, CancellationToken.None))!.Settings;
        Assert.Equal((5, 2), (settings.IntroRequestsPerWeek, settings.OpenAsksPerMember));
        Assert.Contains(reply.Fields, f => f.Value == "at most 5 a week");
        Assert.Contains(reply.Fields, f => f.Name == "Open asks per member" && f.Value == "2");
        Assert.True(refused.IsError);
    }
}
