using LiteDB;
using Microsoft.Extensions.Options;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Relational;
using NetworkBot.Storage.Serialization;

namespace NetworkBot.Storage.LiteDb;

/// <summary>
/// <see cref="IStore"/> over an embedded LiteDB file (<c>Storage:Provider=litedb</c>). A collection is the SQL schema's
/// table of the same name and a document one of its rows: the same fields, named and valued as SQLite stores them
/// (<see cref="LiteDbValues"/>; JSON columns as JSON text), plus <c>_id</c> and the few fields an index needs, so the
/// export reads every provider alike. Every write is one synchronous
/// transaction on the file's <see cref="LiteDbWriter"/> thread, so writes never interleave and a write that reads what
/// it changes (a version check, a capacity count) decides on data no one else is changing; reads run on that thread too,
/// between transactions, on the committed data. Each document of community data carries its <c>community_id</c> (and its
/// <c>_id</c> begins with it, bar the dashboard's links and sessions, keyed by their token's hash as a request brings
/// it), and every query names it, so one community's data is never visible from another. The indexes are
/// made by <see cref="LiteDbMigrator"/>; the store assumes they are there. Split as Core's store interfaces are:
/// communities and members here, then one file per feature.
/// </summary>
public sealed partial class LiteDbStore : IStore, IDisposable
{
    private readonly LiteDbFile file;
    private int disposed;

    public LiteDbStore(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        file = LiteDbFile.Acquire(options.Value.ConnectionString);
    }

    /// <summary>The file's one <see cref="LiteDatabase"/>, for the tests' look behind the store.</summary>
    internal LiteDatabase Database => file.Database;

    /// <summary>The file's writer thread, for backups and the tests' own writes.</summary>
    internal LiteDbWriter Writer => file.Writer;

    public Task<Community?> GetCommunityAsync(CommunityId id, CancellationToken ct) =>
        ReadAsync(db => Collection(db, LiteDbCollections.Communities).FindById(LiteDbKey.Of(id.Value)) is { } d ? ReadCommunity(d) : null, ct);

    /// <summary>
    /// Keeps the first save's <see cref="Community.CreatedAt"/>, as the SQL providers' upsert does, and the calendar
    /// feed's secret, which only <see cref="SetCalendarTokenAsync"/> writes.
    /// </summary>
    public Task SaveCommunityAsync(Community community, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(community);
        return WriteAsync(
            db =>
            {
                var communities = Collection(db, LiteDbCollections.Communities);
                var key = LiteDbKey.Of(community.Id.Value);
                var stored = communities.FindById(key);
                var settings = community.Settings;
                communities.Upsert(new BsonDocument
                {
                    ["_id"] = key,
                    ["community_id"] = LiteDbValues.Text(community.Id.Value),
                    ["name"] = LiteDbValues.Text(community.Name),
                    ["language"] = LiteDbValues.Language(settings.Language),
                    ["time_zone"] = LiteDbValues.Text(settings.TimeZone),
                    ["intro_channel"] = LiteDbValues.Text(settings.IntroChannel),
                    ["coffee_channel"] = LiteDbValues.Text(settings.CoffeeChannel),
                    ["announcement_channel"] = LiteDbValues.Text(settings.AnnouncementChannel),
                    ["manager_role"] = LiteDbValues.Text(settings.ManagerRole),
                    ["managers"] = LiteDbValues.Json(StoredJson.Write(settings.Managers)),
                    ["created_at"] = stored?["created_at"] ?? LiteDbValues.Instant(community.CreatedAt),
                    ["calendar_token"] = stored?["calendar_token"] ?? BsonValue.Null,
                    ["retention_days"] = settings.RetentionDays,
                    ["intro_requests_per_week"] = settings.IntroRequestsPerWeek,
                    ["open_asks_per_member"] = settings.OpenAsksPerMember,
                });
            },
            ct);
    }

    public Task<Member?> GetMemberAsync(CommunityId community, MemberId member, CancellationToken ct) =>
        ReadAsync(db => FindMember(db, community, member), ct);

    public Task<IReadOnlyList<Member>> FindMembersByNameAsync(CommunityId community, string displayName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        var nameKey = RelationalDialect.Fold(StorableText.Plain(displayName));
        return ReadAsync(
            db => OrderedMembers(Collection(db, LiteDbCollections.Members).Find(
                LiteDbQuery.Equal("community_id", community.Value, "name_key", nameKey))),
            ct);
    }

    /// <summary>Ordered by member id, so the same members always come in the same order (pairing is seeded).</summary>
    public Task<IReadOnlyList<Member>> ListMembersAsync(CommunityId community, CancellationToken ct) =>
        ReadAsync(db => OrderedMembers(InCommunity(db, LiteDbCollections.Members, community)), ct);

    /// <summary>Counted on the writer thread from the enrolment fields alone, without building each member.</summary>
    public Task<MemberCounts> CountMembersAsync(CommunityId community, DateOnly today, CancellationToken ct) =>
        ReadAsync(
            db =>
            {
                var enrolments = InCommunity(db, LiteDbCollections.Members, community)
                    .Select(d => new CoffeeEnrollment(d["coffee_joined"].AsBoolean, d.GetNullableDate("coffee_paused_until"), d["coffee_skip_next"].AsBoolean))
                    .ToList();
                return new MemberCounts(enrolments.Count, enrolments.Count(e => e.Joined), enrolments.Count(e => e.IsAvailableOn(today)));
            },
            ct);

    /// <summary>Replaces everything but <see cref="Member.JoinedAt"/>, which keeps the first save's value.</summary>
    public Task SaveMemberAsync(Member member, CancellationToken ct) => SaveMembersAsync([member], ct);

    public Task SaveMembersAsync(IReadOnlyList<Member> members, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(members);
        return WriteAsync(
            db =>
            {
                foreach (var member in members)
                {
                    UpsertMember(db, member);
                }
            },
            ct);
    }

    /// <summary>
    /// Releases the file once, however often it is called: the container disposes the one store once per registration
    /// that hands it out (<see cref="IStore"/>, the export…), and a second release would close the file under another user.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            file.Release();
        }
    }

    /// <summary>
    /// A read on the writer thread, between write groups, on the committed data (<see cref="LiteDbWriter.MaintainAsync{T}"/>:
    /// no read ever runs beside a write, LiteDB #2817). <paramref name="read"/> is synchronous and materialises what it
    /// returns, so no LiteDB cursor outlives it. An engine failure is a <see cref="LiteDbFailureException"/>.
    /// </summary>
    private Task<T> ReadAsync<T>(Func<LiteDatabase, T> read, CancellationToken ct) => file.Writer.MaintainAsync(read, ct);

    /// <summary>
    /// The document of <paramref name="collection"/> whose unique <paramref name="field"/> holds the community's
    /// <paramref name="key"/> (<see cref="LiteDbKey.Of"/>), as <paramref name="read"/> makes it; null when there is none.
    /// </summary>
    private Task<T?> FindByCommunityKeyAsync<T>(string collection, string field, CommunityId community, string key, Func<BsonDocument, T> read, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        return ReadAsync(db => Collection(db, collection).FindOne(LiteDbQuery.Equal(field, LiteDbKey.Of(community.Value, key))) is { } found ? read(found) : null, ct);
    }

    /// <summary>One transaction on the writer thread (<see cref="LiteDbWriter.WriteAsync{T}"/>): all of it or none of it.</summary>
    private Task<T> WriteAsync<T>(Func<LiteDatabase, T> write, CancellationToken ct) => file.Writer.WriteAsync(write, ct);

    /// <inheritdoc cref="WriteAsync{T}"/>
    private Task WriteAsync(Action<LiteDatabase> write, CancellationToken ct) => file.Writer.WriteAsync(write, ct);

    private static ILiteCollection<BsonDocument> Collection(LiteDatabase db, string name) => db.GetCollection(name);

    /// <summary>The documents of <paramref name="collection"/> that belong to <paramref name="community"/>, by its index.</summary>
    private static IEnumerable<BsonDocument> InCommunity(LiteDatabase db, string collection, CommunityId community) =>
        Collection(db, collection).Find(LiteDbQuery.Equal("community_id", community.Value));

    /// <summary>
    /// Inside a write: checks the document read for the write (null when it is not there) is still at
    /// <paramref name="version"/>, the version the write was derived from, or else <see cref="StaleWriteException"/>
    /// rolls the write back. A document not there is fine for an insert and, when it <paramref name="mustExist"/>, a bug in the caller.
    /// </summary>
    private static void RequireVersion(BsonDocument? stored, int version, string row, bool mustExist)
    {
        if (stored is null)
        {
            if (mustExist)
            {
                throw new InvalidOperationException($"{row} does not exist.");
            }

            return;
        }

        var current = stored["version"].AsInt32;
        if (current != version)
        {
            throw new StaleWriteException($"{row} changed since it was read (version {version}, now {current}).");
        }
    }

    private static Member? FindMember(LiteDatabase db, CommunityId community, MemberId member) =>
        Collection(db, LiteDbCollections.Members).FindById(LiteDbKey.Of(community.Value, member.Value)) is { } d ? ReadMember(d) : null;

    private static IReadOnlyList<Member> OrderedMembers(IEnumerable<BsonDocument> documents) =>
        [.. documents.Select(ReadMember).OrderBy(m => m.Id.Value, StringComparer.Ordinal)];

    /// <summary>Inside a write: inserts or replaces <paramref name="member"/>, raising its version and keeping its first <c>joined_at</c>.</summary>
    private static void UpsertMember(LiteDatabase db, Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var members = Collection(db, LiteDbCollections.Members);
        var key = LiteDbKey.Of(member.Community.Value, member.Id.Value);
        var stored = members.FindById(key);
        var profile = member.Profile;
        var displayName = StorableText.Plain(member.DisplayName);
        var document = new BsonDocument
        {
            ["_id"] = key,
            ["community_id"] = LiteDbValues.Text(member.Community.Value),
            ["member_id"] = LiteDbValues.Text(member.Id.Value),
            ["display_name"] = displayName,
            ["name_key"] = RelationalDialect.Fold(displayName),
            ["pitch"] = LiteDbValues.Text(profile.Pitch),
            ["role"] = LiteDbValues.Text(profile.Role),
            ["industry"] = LiteDbValues.Text(profile.Industry),
            ["offers"] = LiteDbValues.Json(StoredJson.Write(profile.Offers)),
            ["seeks"] = LiteDbValues.Json(StoredJson.Write(profile.Seeks)),
            ["interests"] = LiteDbValues.Json(StoredJson.Write(profile.Interests)),
            ["time_zone"] = LiteDbValues.Text(profile.TimeZone),
            ["language"] = LiteDbValues.Language(profile.Language),
            ["joined_at"] = stored?["joined_at"] ?? LiteDbValues.Instant(member.JoinedAt),
            ["left_at"] = LiteDbValues.Instant(member.LeftAt),
            ["open_to_intros"] = profile.OpenToIntros,
            ["version"] = stored is null ? 0 : stored["version"].AsInt32 + 1,
        };
        WriteEnrollment(document, member.Coffee);
        members.Upsert(document);
    }

    /// <summary>The member document's coffee enrolment fields: all a save writes of it, and all a round's close may change.</summary>
    private static void WriteEnrollment(BsonDocument document, CoffeeEnrollment coffee)
    {
        document["coffee_joined"] = coffee.Joined;
        document["coffee_paused_until"] = LiteDbValues.Date(coffee.PausedUntil);
        document["coffee_skip_next"] = coffee.SkipNext;
        document["missed_rounds"] = coffee.MissedRounds;
    }

    private static Community ReadCommunity(BsonDocument d) => new(
        new CommunityId(d.GetRequiredText("community_id")),
        d.GetRequiredText("name"),
        new CommunitySettings(
            d.GetLanguage("language") ?? Language.En,
            d.GetRequiredText("time_zone"),
            d.GetText("intro_channel"),
            d.GetText("coffee_channel"),
            d.GetText("announcement_channel"),
            d.GetText("manager_role"),
            StoredJson.ReadMemberIds(d.GetRequiredText("managers")))
        {
            RetentionDays = d["retention_days"].AsInt32,
            IntroRequestsPerWeek = d["intro_requests_per_week"].AsInt32,
            OpenAsksPerMember = d["open_asks_per_member"].AsInt32,
        },
        d.GetInstant("created_at"));

    private static Member ReadMember(BsonDocument d) => new(
        new CommunityId(d.GetRequiredText("community_id")),
        new MemberId(d.GetRequiredText("member_id")),
        d.GetRequiredText("display_name"),
        new Profile(
            d.GetText("pitch"),
            d.GetText("role"),
            d.GetText("industry"),
            StoredJson.ReadStrings(d.GetRequiredText("offers")),
            StoredJson.ReadStrings(d.GetRequiredText("seeks")),
            StoredJson.ReadStrings(d.GetRequiredText("interests")),
            d.GetText("time_zone"),
            d.GetLanguage("language"))
        {
            OpenToIntros = d["open_to_intros"].AsBoolean,
        },
        new CoffeeEnrollment(d["coffee_joined"].AsBoolean, d.GetNullableDate("coffee_paused_until"), d["coffee_skip_next"].AsBoolean)
        {
            MissedRounds = d["missed_rounds"].AsInt32,
        },
        d.GetInstant("joined_at"))
    {
        LeftAt = d.GetNullableInstant("left_at"),
        Version = d["version"].AsInt32,
    };
}
