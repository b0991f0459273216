namespace NetworkBot.Tests.Postgres;

/// <summary>An empty database made for a test on the shared server, and the superuser's connection string to it.</summary>
public sealed record PostgresDatabase(string Name, string ConnectionString);
