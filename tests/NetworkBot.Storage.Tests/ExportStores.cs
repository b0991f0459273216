using NetworkBot.Core.Coffee;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Introductions;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Export;
using NetworkBot.Storage.Tests.Conformance;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests;

/// <summary>
/// The stores an export test moves communities between, each a fresh one of its provider, disposed together; and the
/// reads every such test makes: a store's communities as the export has them, and the document they write.
/// </summary>
internal sealed class ExportStores : IAsyncDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private readonly List<IStoreUnderTest> stores = [];

    public static IExportStore ExportStore(IStoreUnderTest underTest) => (IExportStore)underTest.Store;

    public static async Task<IReadOnlyList<CommunityExport>> CommunitiesAsync(IStoreUnderTest underTest)
    {
        var communities = new List<CommunityExport>();
        foreach (var id in await ExportStore(underTest).ListCommunityIdsAsync(Ct))
        {
            communities.Add((await ExportStore(underTest).ExportCommunityAsync(id, Ct))!);
        }

        return communities;
    }

    public static async Task<string> DocumentAsync(IStoreUnderTest underTest) => ExportDocument.Write(await CommunitiesAsync(underTest));

    /// <summary>
    /// Moves what <paramref name="filled"/> holds into a new store of <paramref name="via"/>, then from there into a new
    /// one of <paramref name="filled"/>'s own provider, <paramref name="back"/>; the three export documents, in that order.
    /// </summary>
    public async Task<(string Original, string Via, string Back)> RoundTripAsync(IStoreUnderTest filled, StoreProvider via, StoreProvider back)
    {
        var middle = await CreateAsync(via);
        var end = await CreateAsync(back);
        Assert.Null(await ExportStore(middle).ImportCommunitiesAsync(await CommunitiesAsync(filled), Ct));
        Assert.Null(await ExportStore(end).ImportCommunitiesAsync(await CommunitiesAsync(middle), Ct));
        return (await DocumentAsync(filled), await DocumentAsync(middle), await DocumentAsync(end));
    }

    public async Task<IStoreUnderTest> CreateAsync(StoreProvider provider)
    {
        var store = await provider.CreateAsync(Ct);
        stores.Add(store);
        return store;
    }

    /// <summary>A row in every table the format has, with the values that are easy to get wrong: ticks, dates, Unicode, nulls.</summary>
    public static async Task FillEveryTableAsync(IStore store)
    {
        await store.SaveCommunityAsync(
            new Community(Tokyo, "東京コミュニティ", new CommunitySettings(Language.Ja, "Asia/Tokyo", "intros", null, "news", "role-1", [Id("mana")])
            {
                IntroRequestsPerWeek = 4,
                OpenAsksPerMember = 1,
            },
            T0),
            Ct);
        await store.SaveMembersAsync(
            [
                Member(Tokyo, "u1", "Élodie") with { Profile = JapaneseProfile },
                Member(Tokyo, "u2", coffee: new CoffeeEnrollment(true, new DateOnly(2025, 5, 1), true)),
                Member(Tokyo, "u3") with { Profile = Profile.Empty with { OpenToIntros = false } },
                Member(Osaka, "o1"),
            ],
            Ct);
        await store.SaveScheduleAsync(Schedule(Tokyo) with { NoticeSentFor = T0.AddTicks(7) }, [Message(Tokyo, "schedule", T0)], Ct);
        var round = Open(Round(Tokyo, T0, ["u1", "u2"], ["u3"]));
        await store.SaveRoundAsync(round, new([], null), [Message(Tokyo, "round", T0.AddTicks(1))], Ct);
        await store.RecordAnswerAsync(
            Tokyo, Answer(round, 0, "u1", MeetingOutcome.Met, T0.AddDays(2)), MeetingOutcome.Met, 0,
            [Connection.Between(Tokyo, Id("u1"), Id("u2"), T0.AddDays(2))], Ct);
        await store.AddBlockAsync(Tokyo, new Block(Id("u2"), Id("u3")), Ct);
        await store.SavePairWishesAsync(Tokyo, Id("u1"), [Id("u3")], T0.AddHours(1), Ct);
        var interest = Interest(Tokyo, "Rust");
        await store.CreateInterestAsync(interest, [], Ct);
        await store.AddInterestMemberAsync(Tokyo, interest.Id, Id("u1"), Ct);
        var ev = new Event(Tokyo, new EventId("ev1"), "Rust もくもく会", null, T0.AddDays(10), TimeSpan.FromMinutes(90), "Asia/Tokyo", null, 1, Cancelled: false)
        {
            CreatedAt = T0,
        };
        await store.SaveEventAsync(ev, [], _ => [], Ct);
        await store.RespondAsync(Tokyo, ev.Id, Id("u1"), RsvpStatus.Going, T0.AddMinutes(1), _ => [], Ct);
        await store.RespondAsync(Tokyo, ev.Id, Id("u2"), RsvpStatus.Going, T0.AddMinutes(2), _ => [], Ct);
        await store.WishConnectionAsync(Tokyo, ev.Id, Id("u1"), Id("u3"), T0.AddDays(11), Ct);
        await store.SaveAskAsync(
            new Ask(Tokyo, new AskId("q7m2xk4a"), Id("u1"), "決済の規制に詳しい人", T0, T0.AddDays(14), AskStatus.Introduced,
            [
                new AskCandidate(Id("u3"), null, CandidateStatus.Declined, T0.AddTicks(9), T0.AddDays(1)),
                new AskCandidate(Id("u2"), "決済システムの知見", CandidateStatus.Accepted, T0.AddDays(1), T0.AddDays(2)),
            ])
            {
                IntroducedTo = Id("u2"),
                IntroducedAt = T0.AddDays(2),
                NextStepAt = T0.AddDays(9),
            },
            [],
            null,
            Ct);
        await store.EnqueueAsync([Message(Osaka, "hello", T0)], Ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
    }
}
