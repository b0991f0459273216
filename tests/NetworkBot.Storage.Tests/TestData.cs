using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Pairing;
using NetworkBot.Core.Replies;

namespace NetworkBot.Storage.Tests;

/// <summary>Values the tests build their scenarios from.</summary>
internal static class TestData
{
    public static readonly CommunityId Tokyo = CommunityId.For("discord", "81384788765712384");
    public static readonly CommunityId Osaka = CommunityId.For("slack", "T024BE7LD");

    /// <summary>A +09:00 instant with sub-millisecond ticks: storage must keep the exact instant.</summary>
    public static readonly DateTimeOffset T0 = new DateTimeOffset(2025, 4, 1, 9, 30, 15, TimeSpan.FromHours(9)).AddTicks(1_234_567);

    public static MemberId Id(string value) => new(value);

    public static Member Member(CommunityId community, string id, string? name = null, CoffeeEnrollment? coffee = null) =>
        new(community, new MemberId(id), name ?? $"Member {id}", Profile.Empty, coffee ?? new CoffeeEnrollment(true, null, false), T0);

    public static Profile JapaneseProfile { get; } = new(
        Pitch: "フィンテックのスタートアップでプロダクトマネージャーをしています。異業種の方と話したいです！",
        Role: "プロダクトマネージャー",
        Industry: "金融",
        Offers: ["決済システムの知見", "英語でのレビュー"],
        Seeks: ["デザイナーとの出会い", "Rust の勉強仲間"],
        Interests: ["AI", "コーヒー", "登山"],
        TimeZone: "Asia/Tokyo",
        Language: Language.Ja);

    public static Interest Interest(CommunityId community, string name, bool archived = false) =>
        new(community, InterestId.New(), name, $"{name} の話をする場所", archived, "role-1", "channel-1", T0);

    public static RoundRecord Round(CommunityId community, DateTimeOffset startedAt, params string[][] groups)
    {
        var round = new Round(community, RoundId.New(), startedAt, 2, PairingMode.CrossIndustry, 12345);
        return new RoundRecord(
            round,
            [.. groups.Select(g => new Group(round.Id, GroupId.New(), [.. g.Select(Id)], MeetingOutcome.Unknown))]);
    }

    /// <summary>The round saved with a lifecycle: it ends a week after it started.</summary>
    public static RoundRecord Open(RoundRecord round) => round with { Round = round.Round with { EndsAt = round.Round.StartedAt.AddDays(7) } };

    public static CoffeeSchedule Schedule(CommunityId community, bool active = true) =>
        new(
            community,
            new Recurrence(CadenceKind.Weekly, 2, 1, DayOfWeek.Monday, new TimeOnly(10, 0), "Asia/Tokyo", new DateOnly(2025, 4, 7)),
            2,
            PairingMode.CrossIndustry,
            12,
            "coffee",
            active);

    public static GroupAnswer Answer(RoundRecord round, int group, string member, MeetingOutcome answer, DateTimeOffset at) =>
        new(round.Groups[group].Id, Id(member), answer, at);

    public static OutboxMessage Message(CommunityId community, string key, DateTimeOffset createdAt, string text = "こんにちは") =>
        OutboxMessage.Create(community, key, MessageTarget.ToChannel("coffee"), new Reply(text), createdAt);
}
