using System.Globalization;

namespace NetworkBot.Storage.Sqlite;

/// <summary>Who holds a database's <see cref="DatabaseLock"/>: the process, when it took the lock, and the verb it runs.</summary>
public sealed record DatabaseLockHolder(int ProcessId, DateTimeOffset StartedAt, string Verb)
{
    /// <summary>As the refusal names it: <c>pid 1234, started 2026-12-06T20:01Z, `run`</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"pid {ProcessId}, started {StartedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm'Z'}, `{Verb}`");

    /// <summary>The holder file's text: one <c>name=value</c> line each, for a person with <c>cat</c> as much as for the next process.</summary>
    internal string Write() =>
        string.Create(CultureInfo.InvariantCulture, $"pid={ProcessId}\nstarted={StartedAt.UtcDateTime:O}\nverb={Verb}\n");

    internal static DatabaseLockHolder? Read(string text)
    {
        var values = text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        return values.TryGetValue("pid", out var pid) && int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && values.TryGetValue("started", out var started)
            && DateTimeOffset.TryParse(started, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            && values.TryGetValue("verb", out var verb)
                ? new DatabaseLockHolder(id, at, verb)
                : null;
    }
}
