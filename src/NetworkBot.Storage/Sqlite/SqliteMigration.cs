namespace NetworkBot.Storage.Sqlite;

/// <summary>One step of the schema's history: applied once, in order, inside its own transaction.</summary>
internal sealed record SqliteMigration(int Version, string Description, string Sql);
