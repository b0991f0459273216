using System.Data.Common;
using System.Globalization;
using System.Text;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Serialization;

namespace NetworkBot.Storage.Relational;

/// <summary>
/// <see cref="IStore"/> over any SQL provider, each feature's statements written once: the providers
/// (<see cref="Sqlite.SqliteStore"/>, <see cref="Postgres.PostgresStore"/>) share the schema's shape, the SQL, the
/// parameter lists and the row readers, and differ only in their <see cref="RelationalDialect"/> and in how a
/// connection and a transaction are had (<see cref="OpenAsync"/>, <see cref="BeginAsync"/>). Every statement filters
/// or keys on <c>community_id</c>, so one community's data is never visible from another. Parameters are written
/// <c>@name</c>, which both drivers accept.
/// </summary>
/// <remarks>
/// A write that reads what it changes runs in one <see cref="TransactionKind.Write"/> transaction and reads the rows it
/// depends on with <see cref="RelationalDialect.RowLock"/>: on SQLite the transaction holds the whole file, on
/// PostgreSQL those rows, so two writers never interleave. Split as Core's store interfaces are: communities and members
/// (<see cref="ICommunityStore"/>, <see cref="IMemberStore"/>) here, then one file per feature.
/// </remarks>
public abstract partial class RelationalStore : IStore
{
    /// <summary>How many times a write the server rolled back for another transaction's sake is tried.</summary>
    private const int ConflictAttempts = 3;

    /// <summary>
    /// Rows per statement of <see cref="InsertRowsAsync"/>: few statements for a round's thousands of rows, and well inside
    /// both servers' parameter limits (SQLite 32,766, PostgreSQL 65,535) at a dozen columns.
    /// </summary>
    private const int RowsPerInsert = 100;

    private const string CommunityColumns =
        "community_id, name, language, time_zone, intro_channel, coffee_channel, announcement_channel, manager_role, managers, created_at, retention_days, "
        + "intro_requests_per_week, open_asks_per_member";

    private const string MemberColumns =
        "community_id, member_id, display_name, pitch, role, industry, offers, seeks, interests, time_zone, language, "
        + "coffee_joined, coffee_paused_until, coffee_skip_next, joined_at, missed_rounds, left_at, open_to_intros";

    private readonly string upsertMember;

    private protected RelationalStore(RelationalDialect dialect)
    {
        Dialect = dialect;
        var (keyColumn, keyValue, keyUpdate) = dialect.MembersHaveNameKey ? (", name_key", ", @name_key", "name_key = excluded.name_key, ") : ("", "", "");
        upsertMember = $"""
            INSERT INTO members ({MemberColumns}{keyColumn})
            VALUES (@community, @member, @display_name, @pitch, @role, @industry, @offers, @seeks, @interests, @time_zone, @language,
                    @coffee_joined, @coffee_paused_until, @coffee_skip_next, @joined_at, @missed_rounds, @left_at, @open_to_intros{keyValue})
            ON CONFLICT (community_id, member_id) DO UPDATE SET
                display_name = excluded.display_name, {keyUpdate}pitch = excluded.pitch, role = excluded.role, industry = excluded.industry,
                offers = excluded.offers, seeks = excluded.seeks, interests = excluded.interests,
                time_zone = excluded.time_zone, language = excluded.language,
                coffee_joined = excluded.coffee_joined, coffee_paused_until = excluded.coffee_paused_until,
                coffee_skip_next = excluded.coffee_skip_next, missed_rounds = excluded.missed_rounds, left_at = excluded.left_at,
                open_to_intros = excluded.open_to_intros,
                version = members.version + 1
            """;
    }

    private protected RelationalDialect Dialect { get; }

    /// <summary>The flag literals, as the provider's partial indexes spell them.</summary>
    private string True => Dialect.True;

    /// <inheritdoc cref="True"/>
    private string False => Dialect.False;

    public Task<Community?> GetCommunityAsync(CommunityId id, CancellationToken ct) =>
        QueryFirstAsync(
            $"SELECT {CommunityColumns} FROM communities WHERE community_id = @community",
            [("community", id.Value)],
            ReadCommunity,
            ct);

    public Task SaveCommunityAsync(Community community, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(community);
        var settings = community.Settings;
        return ExecuteAsync(
            $"""
            INSERT INTO communities ({CommunityColumns})
            VALUES (@community, @name, @language, @time_zone, @intro_channel, @coffee_channel, @announcement_channel, @manager_role, @managers, @created_at, @retention_days,
                    @intro_requests_per_week, @open_asks_per_member)
            ON CONFLICT (community_id) DO UPDATE SET
                name = excluded.name, language = excluded.language, time_zone = excluded.time_zone,
                intro_channel = excluded.intro_channel, coffee_channel = excluded.coffee_channel,
                announcement_channel = excluded.announcement_channel, manager_role = excluded.manager_role,
                managers = excluded.managers, retention_days = excluded.retention_days,
                intro_requests_per_week = excluded.intro_requests_per_week, open_asks_per_member = excluded.open_asks_per_member
            """,
            [
                ("community", community.Id.Value),
                ("name", community.Name),
                ("language", settings.Language.ToCode()),
                ("time_zone", settings.TimeZone),
                ("intro_channel", settings.IntroChannel),
                ("coffee_channel", settings.CoffeeChannel),
                ("announcement_channel", settings.AnnouncementChannel),
                ("manager_role", settings.ManagerRole),
                ("managers", new JsonText(StoredJson.Write(settings.Managers))),
                ("created_at", community.CreatedAt),
                ("retention_days", settings.RetentionDays),
                ("intro_requests_per_week", settings.IntroRequestsPerWeek),
                ("open_asks_per_member", settings.OpenAsksPerMember),
            ],
            ct);
    }

    public Task<Member?> GetMemberAsync(CommunityId community, MemberId member, CancellationToken ct) =>
        QueryFirstAsync(
            $"SELECT {MemberColumns}, version FROM members WHERE community_id = @community AND member_id = @member",
            [("community", community.Value), ("member", member.Value)],
            ReadMember,
            ct);

    public async Task<MemberCounts> CountMembersAsync(CommunityId community, DateOnly today, CancellationToken ct) =>
        (await QueryAsync(
            $"""
            SELECT CAST(COUNT(*) AS integer),
                   CAST(COALESCE(SUM(CASE WHEN coffee_joined = {True} THEN 1 ELSE 0 END), 0) AS integer),
                   CAST(COALESCE(SUM(CASE WHEN coffee_joined = {True} AND coffee_skip_next = {False}
                       AND (coffee_paused_until IS NULL OR coffee_paused_until <= @today) THEN 1 ELSE 0 END), 0) AS integer)
            FROM members WHERE community_id = @community
            """,
            [("community", community.Value), ("today", today)],
            r => new MemberCounts(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2)),
            ct).ConfigureAwait(false))[0];

    public Task<IReadOnlyList<Member>> FindMembersByNameAsync(CommunityId community, string displayName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        return QueryAsync(
            $"""
            SELECT {MemberColumns}, version FROM members
            WHERE community_id = @community AND {Dialect.MemberNameMatches}
            ORDER BY member_id
            """,
            [("community", community.Value), ("name", Dialect.MemberNameValue(displayName))],
            ReadMember,
            ct);
    }

    /// <summary>Ordered by member id, so the same members always come in the same order (pairing is seeded).</summary>
    public Task<IReadOnlyList<Member>> ListMembersAsync(CommunityId community, CancellationToken ct) =>
        QueryAsync(
            $"SELECT {MemberColumns}, version FROM members WHERE community_id = @community ORDER BY member_id",
            [("community", community.Value)],
            ReadMember,
            ct);

    /// <summary>Replaces everything but <see cref="Member.JoinedAt"/>, which keeps the first save's value.</summary>
    public Task SaveMemberAsync(Member member, CancellationToken ct) => SaveMembersAsync([member], ct);

    public Task SaveMembersAsync(IReadOnlyList<Member> members, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(members);
        return InTransactionAsync(
            async transaction =>
            {
                foreach (var member in members)
                {
                    await transaction.ExecuteAsync(upsertMember, MemberParameters(member), ct).ConfigureAwait(false);
                }
            },
            ct);
    }

    /// <summary>
    /// A connection for statements outside a transaction of the store's own. Every statement the store runs gets its
    /// connection here or in <see cref="BeginAsync"/>: the one place a provider decides where connections come from.
    /// </summary>
    private protected abstract ValueTask<StoreSession> OpenAsync(CancellationToken ct);

    /// <summary>
    /// A connection for one statement that writes outside a transaction of the store's own (<see cref="ExecuteAsync"/>):
    /// by default <see cref="OpenAsync"/>; a provider whose writers take turns lets this one wait for its turn here.
    /// </summary>
    private protected virtual ValueTask<StoreSession> OpenForWriteAsync(CancellationToken ct) => OpenAsync(ct);

    /// <summary>
    /// A connection in a transaction of <paramref name="kind"/>, committed by <see cref="StoreSession.CommitAsync"/> and
    /// rolled back when disposed uncommitted: the one place a provider decides how a transaction is begun and ended.
    /// </summary>
    private protected abstract ValueTask<StoreSession> BeginAsync(TransactionKind kind, CancellationToken ct);

    private async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, IReadOnlyList<(string Name, object? Value)> parameters, Func<StoredRow, T> map, CancellationToken ct)
    {
        await using var session = await OpenAsync(ct).ConfigureAwait(false);
        return await session.QueryAsync(sql, parameters, map, ct).ConfigureAwait(false);
    }

    private protected async Task<int> ExecuteAsync(string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken ct)
    {
        await using var session = await OpenForWriteAsync(ct).ConfigureAwait(false);
        return await session.ExecuteAsync(sql, parameters, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction; anything it throws rolls all of it back. A transaction the
    /// server rolled back for another's sake (<see cref="RelationalDialect.IsTransientConflict"/>) is run again, up to
    /// <see cref="ConflictAttempts"/> times: <paramref name="work"/> reads what it decides from inside the transaction, so
    /// it decides afresh. One joined from outside (<see cref="StoreSession.Joined"/>) is left to its owner to run again.
    /// </summary>
    private protected async Task InTransactionAsync(Func<StoreSession, Task> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await BeginAsync(TransactionKind.Write, ct).ConfigureAwait(false);
            try
            {
                await work(transaction).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return;
            }
            catch (DbException exception) when (!transaction.Joined && attempt < ConflictAttempts && Dialect.IsTransientConflict(exception))
            {
                // The server rolled all of it back; the next attempt reads and writes again.
            }
        }
    }

    /// <summary>
    /// As <see cref="QueryAsync"/>, but a row <paramref name="map"/> cannot read (a stored value this build cannot parse)
    /// is handed, by the id in its first column and the exception's type, to <paramref name="setAside"/> instead of failing
    /// the whole list: one unreadable row never holds up the rows after it.
    /// </summary>
    private async Task<IReadOnlyList<T>> QueryReadableAsync<T>(
        string sql, IReadOnlyList<(string Name, object? Value)> parameters, Func<StoredRow, T> map,
        Func<long, string, Task> setAside, CancellationToken ct)
    {
        var rows = await QueryAsync(
            sql,
            parameters,
            r =>
            {
                try
                {
                    return (Value: map(r), Id: 0L, Error: (string?)null);
                }
                catch (Exception exception) when (exception is not DbException)
                {
                    return (Value: default(T), Id: r.GetInt64(0), Error: exception.GetType().Name);
                }
            },
            ct).ConfigureAwait(false);
        foreach (var (_, id, error) in rows.Where(r => r.Error is not null))
        {
            await setAside(id, error!).ConfigureAwait(false);
        }

        return [.. rows.Where(r => r.Error is null).Select(r => r.Value!)];
    }

    /// <summary>The first row of <paramref name="sql"/>, or null when there is none.</summary>
    private async Task<T?> QueryFirstAsync<T>(
        string sql, IReadOnlyList<(string Name, object? Value)> parameters, Func<StoredRow, T> map, CancellationToken ct)
        where T : class =>
        (await QueryAsync(sql, parameters, map, ct).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>Runs an insert-or-ignore or a delete; true when it changed the one row it names.</summary>
    private async Task<bool> ChangesOneRowAsync(string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken ct) =>
        await ExecuteAsync(sql, parameters, ct).ConfigureAwait(false) == 1;

    /// <summary>
    /// Inside a write's transaction: locks the row <paramref name="key"/> names (<see cref="RelationalDialect.RowLock"/>,
    /// so no other writer changes it before this transaction ends) and checks it is still at <paramref name="version"/>,
    /// the version the write was derived from, or else <see cref="StaleWriteException"/> rolls the write back. A row not
    /// there is fine for an insert and, when it <paramref name="mustExist"/>, a bug in the caller.
    /// </summary>
    private async Task RequireVersionAsync(
        StoreSession transaction, string table, string key, IReadOnlyList<(string Name, object? Value)> parameters,
        int version, string row, bool mustExist, CancellationToken ct)
    {
        var stored = await transaction.QueryAsync($"SELECT version FROM {table} WHERE {key}{Dialect.RowLock}", parameters, r => r.GetInt32(0), ct).ConfigureAwait(false);
        if (stored.Count == 0 && mustExist)
        {
            throw new InvalidOperationException($"{row} does not exist.");
        }

        if (stored.Count == 1 && stored[0] != version)
        {
            throw new StaleWriteException($"{row} changed since it was read (version {version}, now {stored[0]}).");
        }
    }

    /// <summary>
    /// Inside a write's transaction: inserts <paramref name="rows"/> (values in <paramref name="columns"/>' order) into
    /// <paramref name="table"/>, <see cref="RowsPerInsert"/> to a statement, each statement ending with
    /// <paramref name="onConflict"/> (empty, or an <c>ON CONFLICT …</c> clause). A round's save (a row per group, per group
    /// member and per message) is then a few dozen statements instead of thousands, so the transaction, which on SQLite
    /// keeps every other writer waiting, stays short.
    /// </summary>
    private static async Task InsertRowsAsync(
        StoreSession transaction, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, string onConflict, CancellationToken ct)
    {
        var header = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ";
        for (var start = 0; start < rows.Count; start += RowsPerInsert)
        {
            var count = Math.Min(RowsPerInsert, rows.Count - start);
            var sql = new StringBuilder(header, header.Length + (count * columns.Count * 8) + onConflict.Length + 1);
            var parameters = new (string Name, object? Value)[count * columns.Count];
            for (var r = 0; r < count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"p{r}_{c}");
                    sql.Append(c == 0 ? "@" : ", @").Append(name);
                    parameters[(r * columns.Count) + c] = (name, rows[start + r][c]);
                }

                sql.Append(')');
            }

            await transaction.ExecuteAsync(sql.Append(' ').Append(onConflict).ToString(), parameters, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Inside a write's transaction: locks the rows <paramref name="sql"/> (a <c>SELECT</c>) reads until the transaction
    /// ends, so writers that depend on them take turns. Nothing to do where the transaction holds the whole database.
    /// </summary>
    private async Task LockRowsAsync(StoreSession transaction, string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken ct)
    {
        if (Dialect.LocksRows)
        {
            await transaction.ExecuteAsync(sql + Dialect.RowLock, parameters, ct).ConfigureAwait(false);
        }
    }

    private (string, object?)[] MemberParameters(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var profile = member.Profile;
        (string, object?)[] nameKey = Dialect.MembersHaveNameKey ? [("name_key", Dialect.MemberNameValue(member.DisplayName))] : [];
        return
        [
            .. CoffeeParameters(member),
            .. nameKey,
            ("display_name", member.DisplayName),
            ("pitch", profile.Pitch),
            ("role", profile.Role),
            ("industry", profile.Industry),
            ("offers", new JsonText(StoredJson.Write(profile.Offers))),
            ("seeks", new JsonText(StoredJson.Write(profile.Seeks))),
            ("interests", new JsonText(StoredJson.Write(profile.Interests))),
            ("time_zone", profile.TimeZone),
            ("language", profile.Language?.ToCode()),
            ("joined_at", member.JoinedAt),
            ("left_at", member.LeftAt),
            ("open_to_intros", profile.OpenToIntros),
        ];
    }

    /// <summary>The member's key and coffee enrolment: what closing a round changes.</summary>
    private static (string, object?)[] CoffeeParameters(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var coffee = member.Coffee;
        return
        [
            ("community", member.Community.Value),
            ("member", member.Id.Value),
            ("coffee_joined", coffee.Joined),
            ("coffee_paused_until", coffee.PausedUntil),
            ("coffee_skip_next", coffee.SkipNext),
            ("missed_rounds", coffee.MissedRounds),
        ];
    }

    private static MemberId ReadMemberId(StoredRow r) => new(r.GetString(0));

    private static Community ReadCommunity(StoredRow r) => new(
        new CommunityId(r.GetString(0)),
        r.GetString(1),
        new CommunitySettings(
            r.GetNullableLanguage(2) ?? Language.En,
            r.GetString(3),
            r.GetNullableString(4),
            r.GetNullableString(5),
            r.GetNullableString(6),
            r.GetNullableString(7),
            StoredJson.ReadMemberIds(r.GetString(8)))
        {
            RetentionDays = r.GetInt32(10),
            IntroRequestsPerWeek = r.GetInt32(11),
            OpenAsksPerMember = r.GetInt32(12),
        },
        r.GetInstant(9));

    private static Member ReadMember(StoredRow r) => new(
        new CommunityId(r.GetString(0)),
        new MemberId(r.GetString(1)),
        r.GetString(2),
        new Profile(
            r.GetNullableString(3),
            r.GetNullableString(4),
            r.GetNullableString(5),
            StoredJson.ReadStrings(r.GetString(6)),
            StoredJson.ReadStrings(r.GetString(7)),
            StoredJson.ReadStrings(r.GetString(8)),
            r.GetNullableString(9),
            r.GetNullableLanguage(10))
        {
            OpenToIntros = r.GetFlag(17),
        },
        new CoffeeEnrollment(r.GetFlag(11), r.GetNullableDate(12), r.GetFlag(13)) { MissedRounds = r.GetInt32(15) },
        r.GetInstant(14))
    {
        LeftAt = r.GetNullableInstant(16),
        Version = r.GetInt32(18),
    };
}
