using System.Text.Json.Nodes;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Introductions;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Export;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.Conformance;

/// <summary>
/// Introductions on every provider (<see cref="IAskStore"/>): an ask with its candidates reads back as saved, a save is
/// version-checked and writes its messages and connection with it or nothing at all, the scheduler's due list spans
/// communities, and the limits' counts and the managers' figures count what they say.
/// </summary>
public abstract class AskStoreConformance<TProvider> : StoreConformance<TProvider>
    where TProvider : StoreProvider, new()
{
    private static Ask NewAsk(CommunityId community, string id, string asker = "aiko", int minute = 0) =>
        new(community, new AskId(id), Id(asker), "決済の規制に詳しい人 <@everyone>", T0.AddMinutes(minute), T0.AddDays(14), AskStatus.Open,
        [
            new AskCandidate(Id("ken"), "フィンテックのコンプライアンス", CandidateStatus.Declined, T0.AddTicks(3), T0.AddDays(1)),
            new AskCandidate(Id("mia"), null, CandidateStatus.Asked, T0.AddDays(1), null),
            new AskCandidate(Id("sora"), "payments", CandidateStatus.Waiting, null, null),
        ])
        {
            NextStepAt = T0.AddDays(4),
        };

    private static Ask Introduced(Ask ask) => ask with
    {
        Status = AskStatus.Introduced,
        IntroducedTo = Id("mia"),
        IntroducedAt = T0.AddDays(2).AddTicks(5),
        FollowedUpAt = T0.AddDays(9),
        ConnectedAt = T0.AddDays(10),
        NextStepAt = null,
        Candidates = [ask.Candidates[0], ask.Candidates[1] with { Status = CandidateStatus.Accepted, AnsweredAt = T0.AddDays(2) }, ask.Candidates[2]],
    };

    private static OutboxMessage Message(CommunityId community, string key) =>
        OutboxMessage.Create(community, key, MessageTarget.ToMember(Id("mia")), new Reply("紹介してもよいですか？"), T0);

    private async Task<Ask> SaveAsync(Ask ask)
    {
        await Store.SaveAskAsync(ask, [], null, Ct);
        return (await Store.GetAskAsync(ask.Community, ask.Id, Ct))!;
    }

    [SkippableFact]
    public async Task An_ask_round_trips_every_field_with_its_candidates_in_order()
    {
        var ask = Introduced(NewAsk(Tokyo, "q7m2xk4a"));

        var read = await SaveAsync(ask);

        Assert.Equivalent(ask with { Version = 1 }, read, strict: true);
        Assert.Equal(ask.Request, read.Request);
        Assert.Equal(["ken", "mia", "sora"], read.Candidates.Select(c => c.Member.Value));
        Assert.Equal(T0.AddTicks(3).UtcTicks, read.Candidates[0].AskedAt!.Value.UtcTicks);
    }

    [SkippableFact]
    public async Task A_save_raises_the_version_and_replaces_the_candidates()
    {
        var stored = await SaveAsync(NewAsk(Tokyo, "a1"));

        var changed = await SaveAsync(stored with { Candidates = [stored.Candidates[1]], NextStepAt = T0.AddDays(7) });

        Assert.Equal(2, changed.Version);
        Assert.Equal(["mia"], changed.Candidates.Select(c => c.Member.Value));
        Assert.Equal(T0.AddDays(7), changed.NextStepAt);
    }

    [SkippableFact]
    public async Task A_stale_save_is_refused_and_stores_nothing_of_it()
    {
        var stored = await SaveAsync(NewAsk(Tokyo, "a1"));
        await SaveAsync(stored with { NextStepAt = T0.AddDays(5) });
        var outbox = await UnderTest.CountRowsAsync(StoreTable.Outbox);

        await Assert.ThrowsAsync<StaleWriteException>(() => Store.SaveAskAsync(
            Introduced(stored), [Message(Tokyo, "intro:a1")], Connection.Between(Tokyo, Id("aiko"), Id("mia"), T0), Ct));

        var read = (await Store.GetAskAsync(Tokyo, stored.Id, Ct))!;
        Assert.Equal((AskStatus.Open, 2, T0.AddDays(5)), (read.Status, read.Version, read.NextStepAt));
        Assert.Equal(3, read.Candidates.Count);
        Assert.Equal(outbox, await UnderTest.CountRowsAsync(StoreTable.Outbox));
        Assert.Empty(await Store.ListCommunityConnectionsAsync(Tokyo, Ct));
    }

    [SkippableFact]
    public async Task A_new_ask_whose_id_is_taken_is_refused_as_stale_and_the_stored_one_stays()
    {
        await SaveAsync(NewAsk(Tokyo, "a1"));

        await Assert.ThrowsAsync<StaleWriteException>(() => Store.SaveAskAsync(NewAsk(Tokyo, "a1", asker: "ken"), [Message(Tokyo, "k")], null, Ct));

        Assert.Equal(Id("aiko"), (await Store.GetAskAsync(Tokyo, new AskId("a1"), Ct))!.Asker);
        Assert.Equal(0, await UnderTest.CountRowsAsync(StoreTable.Outbox));
    }

    [SkippableFact]
    public async Task A_save_of_an_ask_no_longer_stored_is_refused_as_stale()
    {
        await Assert.ThrowsAsync<StaleWriteException>(() => Store.SaveAskAsync(NewAsk(Tokyo, "gone") with { Version = 3 }, [], null, Ct));

        Assert.Null(await Store.GetAskAsync(Tokyo, new AskId("gone"), Ct));
    }

    [SkippableFact]
    public async Task The_messages_and_the_connection_are_written_with_the_ask()
    {
        var stored = await SaveAsync(NewAsk(Tokyo, "a1"));

        await Store.SaveAskAsync(
            Introduced(stored), [Message(Tokyo, "connected:a1")], Connection.Between(Tokyo, Id("mia"), Id("aiko"), T0.AddDays(10)), Ct);
        var again = (await Store.GetAskAsync(Tokyo, stored.Id, Ct))!;
        await Store.SaveAskAsync(again, [], Connection.Between(Tokyo, Id("aiko"), Id("mia"), T0.AddDays(11)), Ct);

        Assert.Equal([new Connection(Tokyo, Id("aiko"), Id("mia"), T0.AddDays(10))], await Store.ListConnectionsAsync(Tokyo, Id("mia"), Ct));
        Assert.Equal(["connected:a1"], (await Store.ListDueOutboxAsync(T0, 10, Ct)).Select(m => m.Key));
        Assert.Equal(3, (await Store.GetAskAsync(Tokyo, stored.Id, Ct))!.Version);
    }

    [SkippableFact]
    public async Task A_save_whose_connection_cannot_be_written_stores_neither_the_ask_nor_its_messages()
    {
        var stored = await SaveAsync(NewAsk(Tokyo, "a1"));
        await UnderTest.FailInsertsIntoAsync(StoreTable.Connections);

        await Assert.ThrowsAnyAsync<Exception>(() => Store.SaveAskAsync(
            Introduced(stored), [Message(Tokyo, "connected:a1")], Connection.Between(Tokyo, Id("aiko"), Id("mia"), T0), Ct));

        Assert.Equivalent(stored, await Store.GetAskAsync(Tokyo, stored.Id, Ct), strict: true);
        Assert.Equal(0, await UnderTest.CountRowsAsync(StoreTable.Outbox));
    }

    [SkippableFact]
    public async Task Messages_of_another_community_are_refused_before_anything_is_written()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveAskAsync(NewAsk(Tokyo, "a1"), [Message(Osaka, "k")], null, Ct));

        Assert.Null(await Store.GetAskAsync(Tokyo, new AskId("a1"), Ct));
    }

    [SkippableFact]
    public async Task A_member_asks_are_listed_newest_first_and_open_asks_oldest_first()
    {
        await SaveAsync(NewAsk(Tokyo, "old", minute: 1));
        await SaveAsync(NewAsk(Tokyo, "new", minute: 3));
        await SaveAsync(Introduced(NewAsk(Tokyo, "done", minute: 2)));
        await SaveAsync(NewAsk(Tokyo, "other", asker: "ken", minute: 0));

        Assert.Equal(["new", "done", "old"], (await Store.ListMemberAsksAsync(Tokyo, Id("aiko"), Ct)).Select(a => a.Id.Value));
        var open = await Store.ListOpenAsksAsync(Tokyo, Ct);
        Assert.Equal(["other", "old", "new"], open.Select(a => a.Id.Value));
        Assert.All(open, a => Assert.Equal(3, a.Candidates.Count));
    }

    [SkippableFact]
    public async Task Due_asks_of_every_community_are_listed_by_their_next_step_with_their_candidates()
    {
        await SaveAsync(NewAsk(Tokyo, "later") with { NextStepAt = T0.AddDays(3) });
        await SaveAsync(NewAsk(Osaka, "osaka") with { NextStepAt = T0.AddDays(1) });
        await SaveAsync(NewAsk(Tokyo, "now") with { NextStepAt = T0.AddDays(2) });
        await SaveAsync(NewAsk(Tokyo, "never") with { NextStepAt = null });

        var due = await Store.ListDueAsksAsync(T0.AddDays(2), Ct);

        Assert.Equal([(Osaka, "osaka"), (Tokyo, "now")], due.Select(a => (a.Community, a.Id.Value)));
        Assert.All(due, a => Assert.Equal(["ken", "mia", "sora"], a.Candidates.Select(c => c.Member.Value)));
        Assert.Empty(await Store.ListDueAsksAsync(T0, Ct));
    }

    [SkippableFact]
    public async Task Times_asked_counts_the_member_candidate_rows_asked_since_the_instant_in_the_community()
    {
        await SaveAsync(NewAsk(Tokyo, "a1"));
        await SaveAsync(NewAsk(Tokyo, "a2", asker: "ken") with
        {
            Candidates = [new AskCandidate(Id("mia"), null, CandidateStatus.NoAnswer, T0.AddDays(3), null)],
        });
        await SaveAsync(NewAsk(Osaka, "a3"));

        Assert.Equal(2, await Store.CountTimesAskedAsync(Tokyo, Id("mia"), T0.AddDays(1), Ct));
        Assert.Equal(1, await Store.CountTimesAskedAsync(Tokyo, Id("mia"), T0.AddDays(1).AddTicks(1), Ct));
        Assert.Equal(0, await Store.CountTimesAskedAsync(Tokyo, Id("mia"), T0.AddDays(3).AddTicks(1), Ct));
        Assert.Equal(0, await Store.CountTimesAskedAsync(Tokyo, Id("sora"), T0, Ct));
        Assert.Equal(1, await Store.CountTimesAskedAsync(Tokyo, Id("ken"), T0, Ct));
    }

    [SkippableFact]
    public async Task Figures_count_the_asks_made_since_the_instant_accepted_and_connected()
    {
        await SaveAsync(NewAsk(Tokyo, "before", minute: -1));
        await SaveAsync(NewAsk(Tokyo, "open"));
        await SaveAsync(Introduced(NewAsk(Tokyo, "connected", minute: 5)));
        await SaveAsync(Introduced(NewAsk(Tokyo, "accepted", minute: 6)) with { ConnectedAt = null });
        await SaveAsync(Introduced(NewAsk(Osaka, "osaka")));

        Assert.Equal(new AskFigures(3, 2, 1), await Store.CountAsksAsync(Tokyo, T0, Ct));
        Assert.Equal(new AskFigures(0, 0, 0), await Store.CountAsksAsync(Tokyo, T0.AddDays(1), Ct));
    }

    [SkippableFact]
    public async Task Another_community_ask_of_the_same_id_is_invisible()
    {
        await SaveAsync(NewAsk(Osaka, "same"));

        Assert.Null(await Store.GetAskAsync(Tokyo, new AskId("same"), Ct));
        Assert.Empty(await Store.ListMemberAsksAsync(Tokyo, Id("aiko"), Ct));
        Assert.Empty(await Store.ListOpenAsksAsync(Tokyo, Ct));

        var tokyo = await SaveAsync(NewAsk(Tokyo, "same") with { Candidates = [] });
        Assert.Empty(tokyo.Candidates);
        Assert.Equal(3, (await Store.GetAskAsync(Osaka, new AskId("same"), Ct))!.Candidates.Count);
    }

    [SkippableFact]
    public async Task Open_to_intros_and_the_community_intro_limits_round_trip()
    {
        var community = new Community(Tokyo, "Tokyo", CommunitySettings.Default with { IntroRequestsPerWeek = 5, OpenAsksPerMember = 1 }, T0);
        await Store.SaveCommunityAsync(community, Ct);
        var closed = Member(Tokyo, "ken") with { Profile = JapaneseProfile with { OpenToIntros = false } };
        await Store.SaveMembersAsync([closed, Member(Tokyo, "mia")], Ct);

        Assert.Equivalent(community, await Store.GetCommunityAsync(Tokyo, Ct), strict: true);
        Assert.False((await Store.GetMemberAsync(Tokyo, closed.Id, Ct))!.Profile.OpenToIntros);
        Assert.True((await Store.GetMemberAsync(Tokyo, Id("mia"), Ct))!.Profile.OpenToIntros);

        await Store.SaveMemberAsync(closed with { Profile = closed.Profile with { OpenToIntros = true } }, Ct);
        Assert.True((await Store.GetMemberAsync(Tokyo, closed.Id, Ct))!.Profile.OpenToIntros);
    }

    [SkippableFact]
    public async Task Asks_limits_and_openness_move_through_an_export_into_a_new_store()
    {
        await Store.SaveCommunityAsync(new Community(Tokyo, "Tokyo", CommunitySettings.Default with { IntroRequestsPerWeek = 4, OpenAsksPerMember = 2 }, T0), Ct);
        await Store.SaveMemberAsync(Member(Tokyo, "ken") with { Profile = Core.Intro.Profile.Empty with { OpenToIntros = false } }, Ct);
        var ask = await SaveAsync(Introduced(NewAsk(Tokyo, "a1")));
        var document = ExportDocument.Write([(await Exports(Store).ExportCommunityAsync(Tokyo, Ct))!]);
        Assert.Equal(ExportFormat.Version, JsonNode.Parse(document)!["version"]!.GetValue<int>());

        await using var fresh = await new TProvider().CreateAsync(Ct);
        Assert.True(ExportDocument.TryRead(document, out var communities, out var error), error);
        Assert.Null(await Exports(fresh.Store).ImportCommunitiesAsync(communities, Ct));

        Assert.Equivalent(ask, await fresh.Store.GetAskAsync(Tokyo, ask.Id, Ct), strict: true);
        Assert.Equal((4, 2), ((await fresh.Store.GetCommunityAsync(Tokyo, Ct))!.Settings is var s ? (s.IntroRequestsPerWeek, s.OpenAsksPerMember) : default));
        Assert.False((await fresh.Store.GetMemberAsync(Tokyo, Id("ken"), Ct))!.Profile.OpenToIntros);
        Assert.Equal(1, await fresh.Store.CountTimesAskedAsync(Tokyo, Id("mia"), T0.AddDays(1), Ct));
        Assert.Equal(document, ExportDocument.Write([(await Exports(fresh.Store).ExportCommunityAsync(Tokyo, Ct))!]));
    }

    [SkippableFact]
    public async Task A_version_2_export_imports_with_no_asks_members_open_to_intros_and_the_default_limits()
    {
        await Store.SaveCommunityAsync(new Community(Tokyo, "Tokyo", CommunitySettings.Default with { IntroRequestsPerWeek = 7 }, T0), Ct);
        await Store.SaveMemberAsync(Member(Tokyo, "ken") with { Profile = Core.Intro.Profile.Empty with { OpenToIntros = false } }, Ct);
        var document = JsonNode.Parse(ExportDocument.Write([(await Exports(Store).ExportCommunityAsync(Tokyo, Ct))!]))!;
        document["version"] = 2;
        var community = document["communities"]![0]!.AsObject();
        community.Remove("asks");
        community.Remove("askCandidates");
        community["community"]!.AsObject().Remove("introRequestsPerWeek");
        community["community"]!.AsObject().Remove("openAsksPerMember");
        community["members"]![0]!.AsObject().Remove("openToIntros");

        await using var fresh = await new TProvider().CreateAsync(Ct);
        Assert.True(ExportDocument.TryRead(document.ToJsonString(), out var communities, out var error), error);
        Assert.Null(await Exports(fresh.Store).ImportCommunitiesAsync(communities, Ct));

        var settings = (await fresh.Store.GetCommunityAsync(Tokyo, Ct))!.Settings;
        Assert.Equal(
            (CommunitySettings.DefaultIntroRequestsPerWeek, CommunitySettings.DefaultOpenAsksPerMember),
            (settings.IntroRequestsPerWeek, settings.OpenAsksPerMember));
        Assert.True((await fresh.Store.GetMemberAsync(Tokyo, Id("ken"), Ct))!.Profile.OpenToIntros);
        Assert.Empty(await fresh.Store.ListOpenAsksAsync(Tokyo, Ct));
    }

    private static IExportStore Exports(IStore store) => (IExportStore)store;
}
