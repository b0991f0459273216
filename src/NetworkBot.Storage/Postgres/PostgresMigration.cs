namespace NetworkBot.Storage.Postgres;

/// <summary>One step of the PostgreSQL schema's history: its version, what it adds, and the SQL that adds it.</summary>
internal sealed record PostgresMigration(int Version, string Description, string Sql);
