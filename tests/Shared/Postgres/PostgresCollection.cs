namespace NetworkBot.Tests.Postgres;

/// <summary>
/// The test classes that need PostgreSQL: mark one <c>[Collection(PostgresCollection.Name)]</c>, take a
/// <see cref="PostgresFixture"/> in its constructor and its tests <c>[PostgresFact]</c>. One server serves them all.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
