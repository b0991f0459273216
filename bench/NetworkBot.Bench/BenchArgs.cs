using System.Globalization;

namespace NetworkBot.Bench;

/// <summary>Plain <c>--name value</c> options; flags have no value. Unknown names are left for the command to ignore.</summary>
internal sealed class BenchArgs(string[] raw)
{
    public string[] Raw { get; } = raw;

    public bool Has(string name) => Array.IndexOf(Raw, name) >= 0;

    public string? Text(string name)
    {
        var at = Array.IndexOf(Raw, name);
        return at >= 0 && at + 1 < Raw.Length ? Raw[at + 1] : null;
    }

    public int Int(string name, int fallback) =>
        Text(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public long Long(string name, long fallback) =>
        Text(name) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public int[] Ints(string name, params int[] fallback) =>
        Text(name) is { } text
            ? text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(item => int.Parse(item, CultureInfo.InvariantCulture)).ToArray()
            : fallback;
}
