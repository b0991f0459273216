using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Storage;
using NetworkBot.Storage.Serialization;
using Npgsql;

namespace NetworkBot.Storage.Postgres;

/// <summary>
/// <see cref="IStore"/> over PostgreSQL, for several instances sharing one database. It behaves as
/// <see cref="Sqlite.SqliteStore"/> does under the conformance suite; where SQLite relied on its single writer (a
/// write transaction there holds the whole file), a write here locks the rows it reads before writing
/// (<c>SELECT … FOR UPDATE</c>) or makes its change conditional, since READ COMMITTED alone would let two instances
/// interleave. Connections come from the one pooled <see cref="NpgsqlDataSource"/>; the schema is created by
/// <see cref="PostgresMigrator"/> and assumed current.
/// </summary>
/// <remarks>
/// Split as <see cref="Sqlite.SqliteStore"/> is: communities and members here, then one file per feature.
/// </remarks>
public sealed partial class PostgresStore(NpgsqlDataSource dataSource) : IStore
{
    /// <summary>How many times a write the server rolled back for another transaction's sake is tried.</summary>
    private const int ConflictAttempts = 3;

    private const string CommunityColumns =
        "community_id, name, language, time_zone, intro_channel, coffee_channel, announcement_channel, manager_role, managers, created_at";

    private const string MemberColumns =
        "community_id, member_id, display_name, pitch, role, industry, offers, seeks, interests, time_zone, language, "
        + "coffee_joined, coffee_paused_until, coffee_skip_next, joined_at, missed_rounds";

    private const string UpsertMember = $"""
        INSERT INTO members ({MemberColumns}, name_key)
        VALUES (@community, @member, @display_name, @pitch, @role, @industry, @offers::jsonb, @seeks::jsonb, @interests::jsonb, @time_zone, @language,
                @coffee_joined, @coffee_paused_until, @coffee_skip_next, @joined_at, @missed_rounds, @name_key)
        ON CONFLICT (community_id, member_id) DO UPDATE SET
            display_name = excluded.display_name, name_key = excluded.name_key, pitch = excluded.pitch, role = excluded.role,
            industry = excluded.industry, offers = excluded.offers, seeks = excluded.seeks, interests = excluded.interests,
            time_zone = excluded.time_zone, language = excluded.language,
            coffee_joined = excluded.coffee_joined, coffee_paused_until = excluded.coffee_paused_until,
            coffee_skip_next = excluded.coffee_skip_next, missed_rounds = excluded.missed_rounds,
            version = members.version + 1
        """;

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
            VALUES (@community, @name, @language, @time_zone, @intro_channel, @coffee_channel, @announcement_channel, @manager_role, @managers::jsonb, @created_at)
            ON CONFLICT (community_id) DO UPDATE SET
                name = excluded.name, language = excluded.language, time_zone = excluded.time_zone,
                intro_channel = excluded.intro_channel, coffee_channel = excluded.coffee_channel,
                announcement_channel = excluded.announcement_channel, manager_role = excluded.manager_role,
                managers = excluded.managers
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
                ("managers", StoredJson.Write(settings.Managers)),
                ("created_at", PostgresValues.Instant(community.CreatedAt)),
            ],
            ct);
    }

    public Task<Member?> GetMemberAsync(CommunityId community, MemberId member, CancellationToken ct) =>
        QueryFirstAsync(
            $"SELECT {MemberColumns}, version FROM members WHERE community_id = @community AND member_id = @member",
            [("community", community.Value), ("member", member.Value)],
            ReadMember,
            ct);

    public Task<IReadOnlyList<Member>> FindMembersByNameAsync(CommunityId community, string displayName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        return QueryAsync(
            $"""
            SELECT {MemberColumns}, version FROM members
            WHERE community_id = @community AND name_key = @name_key
            ORDER BY member_id
            """,
            [("community", community.Value), ("name_key", PostgresValues.Fold(displayName))],
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
            async (connection, transaction) =>
            {
                foreach (var member in members)
                {
                    await connection.ExecuteAsync(UpsertMember, transaction, MemberParameters(member), ct).ConfigureAwait(false);
                }
            },
            ct);
    }

    private static (string, object?)[] MemberParameters(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var profile = member.Profile;
        return
        [
            .. CoffeeParameters(member),
            ("display_name", member.DisplayName),
            ("name_key", PostgresValues.Fold(member.DisplayName)),
            ("pitch", profile.Pitch),
            ("role", profile.Role),
            ("industry", profile.Industry),
            ("offers", StoredJson.Write(profile.Offers)),
            ("seeks", StoredJson.Write(profile.Seeks)),
            ("interests", StoredJson.Write(profile.Interests)),
            ("time_zone", profile.TimeZone),
            ("language", PostgresValues.Code(profile.Language)),
            ("joined_at", PostgresValues.Instant(member.JoinedAt)),
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

    private static MemberId ReadMemberId(NpgsqlDataReader r) => new(r.GetString(0));

    private static Community ReadCommunity(NpgsqlDataReader r) => new(
        new CommunityId(r.GetString(0)),
        r.GetString(1),
        new CommunitySettings(
            r.GetNullableLanguage(2) ?? Language.En,
            r.GetString(3),
            r.GetNullableString(4),
            r.GetNullableString(5),
            r.GetNullableString(6),
            r.GetNullableString(7),
            StoredJson.ReadMemberIds(r.GetString(8))),
        r.GetInstant(9));

    private static Member ReadMember(NpgsqlDataReader r) => new(
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
            r.GetNullableLanguage(10)),
        new CoffeeEnrollment(r.GetBoolean(11), r.GetNullableDate(12), r.GetBoolean(13)) { MissedRounds = r.GetInt32(15) },
        r.GetInstant(14))
    {
        Version = r.GetInt32(16),
    };

    private async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, IReadOnlyList<(string Name, object? Value)> parameters, Func<NpgsqlDataReader, T> map, CancellationToken ct)
    {
        if (PostgresStepTransaction.Current is { } step)
        {
            return await step.Connection.QueryAsync(sql, step.Transaction, parameters, map, ct).ConfigureAwait(false);
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return await connection.QueryAsync(sql, null, parameters, map, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// As <see cref="QueryAsync"/>, but a row <paramref name="map"/> cannot read (a stored value this build cannot parse)
    /// is handed, by the id in its first column and the exception's type, to <paramref name="setAside"/> instead of failing
    /// the whole list: one unreadable row never holds up the rows after it.
    /// </summary>
    private async Task<IReadOnlyList<T>> QueryReadableAsync<T>(
        string sql, IReadOnlyList<(string Name, object? Value)> parameters, Func<NpgsqlDataReader, T> map,
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
                catch (Exception exception) when (exception is not NpgsqlException)
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
        string sql, IReadOnlyList<(string Name, object? Value)> parameters, Func<NpgsqlDataReader, T> map, CancellationToken ct)
        where T : class =>
        (await QueryAsync(sql, parameters, map, ct).ConfigureAwait(false)).FirstOrDefault();

    private async Task<int> ExecuteAsync(string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken ct)
    {
        if (PostgresStepTransaction.Current is { } step)
        {
            return await step.Connection.ExecuteAsync(sql, step.Transaction, parameters, ct).ConfigureAwait(false);
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return await connection.ExecuteAsync(sql, null, parameters, ct).ConfigureAwait(false);
    }

    /// <summary>Runs an insert-or-ignore or a delete; true when it changed the one row it names.</summary>
    private async Task<bool> ChangesOneRowAsync(string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken ct) =>
        await ExecuteAsync(sql, parameters, ct).ConfigureAwait(false) == 1;

    /// <summary>
    /// Inside a write's transaction: locks the row <paramref name="key"/> names (<c>FOR UPDATE</c>, so no other
    /// instance changes it before this transaction ends) and checks it is still at <paramref name="version"/>, the
    /// version the write was derived from, or else <see cref="StaleWriteException"/> rolls the write back. A row not
    /// there is fine for an insert and, when it <paramref name="mustExist"/>, a bug in the caller.
    /// </summary>
    private static async Task RequireVersionAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string table, string key, IReadOnlyList<(string Name, object? Value)> parameters,
        int version, string row, bool mustExist, CancellationToken ct)
    {
        var stored = await connection.QueryAsync($"SELECT version FROM {table} WHERE {key} FOR UPDATE", transaction, parameters, r => r.GetInt32(0), ct).ConfigureAwait(false);
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
    /// Runs <paramref name="work"/> in one transaction; anything it throws rolls all of it back. Inside a scheduler step
    /// it is a savepoint of the step's transaction. A transaction the server rolled back to break a deadlock with another
    /// instance's (SQLSTATE 40P01) or for a serialization conflict (40001) is run again, up to <see cref="ConflictAttempts"/>
    /// times: <paramref name="work"/> reads what it decides from inside the transaction, so it decides afresh.
    /// </summary>
    private async Task InTransactionAsync(Func<NpgsqlConnection, NpgsqlTransaction, Task> work, CancellationToken ct)
    {
        if (PostgresStepTransaction.Current is { } step)
        {
            await step.InSavepointAsync(work, ct).ConfigureAwait(false);
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
                await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                await work(connection, transaction).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return;
            }
            catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure
                && attempt < ConflictAttempts)
            {
                // The server rolled all of it back; the next attempt reads and writes again.
            }
        }
    }
}
