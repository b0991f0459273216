using LiteDB;

namespace NetworkBot.Storage.LiteDb;

/// <summary>
/// Queries whose values are parameters. LiteDB compiles each expression's text once and caches it by that text for the
/// life of the process: a value written into the text (as <see cref="Query.EQ"/> writes it) compiles again for every new
/// value, milliseconds each, and grows that cache without end; a parameter keeps the text, so it compiles once.
/// </summary>
internal static class LiteDbQuery
{
    /// <summary>Documents whose <paramref name="field"/> is <paramref name="value"/>.</summary>
    public static BsonExpression Equal(string field, BsonValue value) => BsonExpression.Create($"$.{field} = @0", value);

    /// <summary>Documents whose <paramref name="field"/> is past <paramref name="value"/>: through its index, in that order.</summary>
    public static BsonExpression Greater(string field, BsonValue value) => BsonExpression.Create($"$.{field} > @0", value);

    /// <summary>Documents whose <paramref name="field"/> is <paramref name="value"/> or before it: one range of its index.</summary>
    public static BsonExpression AtMost(string field, BsonValue value) => BsonExpression.Create($"$.{field} <= @0", value);

    /// <summary>Documents whose <paramref name="field"/> is <paramref name="value"/> and <paramref name="other"/> is <paramref name="otherValue"/>.</summary>
    public static BsonExpression Equal(string field, BsonValue value, string other, BsonValue otherValue) =>
        BsonExpression.Create($"$.{field} = @0 AND $.{other} = @1", value, otherValue);

    /// <summary>Documents whose <paramref name="field"/> is from <paramref name="from"/> to <paramref name="to"/>, both included: one range of its index.</summary>
    public static BsonExpression Between(string field, BsonValue from, BsonValue to) => BsonExpression.Create($"$.{field} BETWEEN @0 AND @1", from, to);

    /// <summary>Documents of <paramref name="community"/> whose text <paramref name="field"/> starts with <paramref name="prefix"/> (ordinal).</summary>
    public static BsonExpression StartsWith(string community, string field, string prefix) =>
        BsonExpression.Create($"$.community_id = @0 AND $.{field} BETWEEN @1 AND @2", community, prefix, prefix + char.MaxValue);

    /// <summary>The documents whose <c>_id</c> (<see cref="LiteDbKey"/>) starts with <paramref name="parts"/> (<see cref="Prefix"/>).</summary>
    public static BsonExpression KeyPrefix(params ReadOnlySpan<string> parts) => Prefix("_id", parts);

    /// <summary>
    /// The documents whose <paramref name="field"/>, a <see cref="LiteDbKey"/>, starts with <paramref name="parts"/>, as one
    /// range of its index. The next character of such a key is always a digit (the next part's length), so the range up to the
    /// prefix followed by <see cref="char.MaxValue"/> holds them and nothing else; LIKE would read <c>_</c> in an id as a wildcard.
    /// </summary>
    public static BsonExpression Prefix(string field, params ReadOnlySpan<string> parts)
    {
        var prefix = LiteDbKey.Of(parts);
        return BsonExpression.Create($"$.{field} BETWEEN @0 AND @1", prefix, prefix + char.MaxValue);
    }
}
