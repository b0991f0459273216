namespace NetworkBot.Storage.Relational;

/// <summary>
/// A parameter that is JSON text (<see cref="Serialization.StoredJson"/>): SQLite keeps it as text, PostgreSQL as
/// <c>jsonb</c>, so the provider's <see cref="RelationalDialect.Bind"/> needs to know which parameters are JSON.
/// </summary>
internal readonly record struct JsonText(string Text);
