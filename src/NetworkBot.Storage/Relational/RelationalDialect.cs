using System.Data.Common;
using NetworkBot.Core.Storage;

namespace NetworkBot.Storage.Relational;

/// <summary>
/// What really differs between the SQL providers under <see cref="RelationalStore"/>, which holds every statement
/// once: how a value is stored (instants, dates, times, flags, JSON), the few spellings SQL does not share, and how an
/// error is recognised. The schemas differ in these points only; keeping them here keeps the stored formats each
/// provider's migrations define.
/// </summary>
internal abstract class RelationalDialect
{
    /// <summary>The literal a flag column is compared with: spelled as the provider's partial indexes spell it.</summary>
    public abstract string True { get; }

    /// <inheritdoc cref="True"/>
    public abstract string False { get; }

    /// <summary>
    /// What a <c>SELECT</c> inside a write transaction ends with to lock the rows it reads until the transaction ends;
    /// empty where the write transaction already holds the whole database (SQLite's single writer).
    /// </summary>
    public abstract string RowLock { get; }

    /// <summary>Whether <see cref="RowLock"/> locks anything: a statement run only for its lock can be left out where not.</summary>
    public bool LocksRows => RowLock.Length > 0;

    /// <summary>The condition finding members whose display name is <c>@name</c> ignoring case.</summary>
    public abstract string MemberNameMatches { get; }

    /// <summary>The value of <c>@name</c> in <see cref="MemberNameMatches"/> for <paramref name="displayName"/>.</summary>
    public abstract string MemberNameValue(string displayName);

    /// <summary>Whether <c>members</c> keeps a <c>name_key</c> column (the folded display name) to write along.</summary>
    public abstract bool MembersHaveNameKey { get; }

    /// <summary>The <c>ORDER BY</c> term putting interest groups in name order ignoring case.</summary>
    public abstract string InterestNameOrder { get; }

    /// <summary>The condition that <c>key</c> starts with the prefix given by <see cref="KeyPrefixParameters"/>.</summary>
    public abstract string KeyStartsWith { get; }

    /// <summary>The parameters <see cref="KeyStartsWith"/> reads for <paramref name="prefix"/>.</summary>
    public abstract IReadOnlyList<(string Name, object? Value)> KeyPrefixParameters(string prefix);

    /// <summary>
    /// The statement an import runs first for each community (its <c>@community</c>), so two imports of one community at
    /// once cannot both find it absent; null where the import's write transaction already excludes the other.
    /// </summary>
    public abstract string? ImportLock { get; }

    /// <summary>
    /// The key a name is looked up and kept unique by, ignoring case: equal for two names exactly when
    /// <see cref="StringComparison.OrdinalIgnoreCase"/> finds them equal. Every provider folds the same way, so names
    /// mean the same after an export and import.
    /// </summary>
    public static string Fold(string text) => text.ToUpperInvariant();

    /// <summary>Sets <paramref name="parameter"/> to <paramref name="value"/> as the provider stores it.</summary>
    public abstract void Bind(DbParameter parameter, object? value);

    public abstract bool ReadFlag(DbDataReader reader, int ordinal);

    public abstract DateTimeOffset ReadInstant(DbDataReader reader, int ordinal);

    public abstract DateOnly ReadDate(DbDataReader reader, int ordinal);

    public abstract TimeOnly ReadTime(DbDataReader reader, int ordinal);

    /// <summary>True when <paramref name="exception"/> is a unique constraint refusing a second row of one key.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>
    /// True when the server rolled the transaction back for another transaction's sake (a deadlock broken, a
    /// serialization conflict): run again, it reads afresh and may well succeed.
    /// </summary>
    public abstract bool IsTransientConflict(DbException exception);

    /// <summary>The database's own words when <paramref name="exception"/> is any constraint refusing a row, else null.</summary>
    public abstract string? ConstraintViolation(DbException exception);

    /// <summary>
    /// A non-null text or JSON column of an export as the format writes it: instants ISO-8601 UTC with 100 ns and a fixed
    /// width, dates <c>yyyy-MM-dd</c>, times of day <c>HH:mm:ss.fffffff</c>, JSON as the store's own writer writes it.
    /// </summary>
    public abstract object ExportValue(DbDataReader reader, int ordinal, string column, ExportFieldKind kind);

    /// <summary>
    /// A value of the export format as its <paramref name="column"/> keeps it, for <see cref="Bind"/>; text that is no
    /// instant, date or time where the provider needs one is a <see cref="FormatException"/>.
    /// </summary>
    public abstract object? ImportValue(string column, ExportFieldKind kind, object? value);
}
