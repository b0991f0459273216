using System.Globalization;
using System.Text;

namespace NetworkBot.Core.Tests.Events;

/// <summary>
/// A second, independent reader, working on the UTF-8 bytes as RFC 5545 §3.1 describes them: physical lines end
/// in CRLF, none is longer than 75 octets, each is valid UTF-8 on its own (a fold never splits a character), a
/// continuation starts with one space or tab. It unfolds to logical lines and can resolve a <c>DTSTART;TZID=</c>
/// to UTC with the file's own VTIMEZONE (§3.6.5), so the zone data is checked, not only the text.
/// </summary>
internal static class IcsLineReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IReadOnlyList<string> LogicalLines(byte[] bytes)
    {
        var physical = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                Assert.True(i > start && bytes[i - 1] == (byte)'\r', $"bare LF at byte {i}");
                physical.Add(bytes[start..(i - 1)]);
                start = i + 1;
            }
            else
            {
                Assert.False(bytes[i] == (byte)'\r' && (i + 1 >= bytes.Length || bytes[i + 1] != (byte)'\n'), $"bare CR at byte {i}");
            }
        }

        Assert.Equal(bytes.Length, start);
        var logical = new List<StringBuilder>();
        foreach (var line in physical)
        {
            Assert.True(line.Length <= 75, $"a line of {line.Length} octets");
            var text = StrictUtf8.GetString(line);
            if (line.Length > 0 && line[0] is (byte)' ' or (byte)'\t')
            {
                Assert.NotEmpty(logical);
                logical[^1].Append(text.AsSpan(1));
            }
            else
            {
                logical.Add(new StringBuilder(text));
            }
        }

        return logical.Select(l => l.ToString()).ToList();
    }

    /// <summary>The value of the first logical line whose name (before ';' or ':') is <paramref name="name"/>, after <paramref name="from"/>.</summary>
    public static (string Parameters, string Value) Find(IReadOnlyList<string> lines, string name, int from = 0)
    {
        var line = lines.Skip(from).First(l => l.StartsWith(name + ":", StringComparison.Ordinal) || l.StartsWith(name + ";", StringComparison.Ordinal));
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return (line[name.Length..colon], line[(colon + 1)..]);
    }

    /// <summary>
    /// The UTC instant of a local time in the VTIMEZONE <paramref name="tzid"/> of the file: the observance with the
    /// latest onset at or before it (each onset read in its TZOFFSETFROM) gives the offset (TZOFFSETTO).
    /// </summary>
    public static DateTime ToUtc(IReadOnlyList<string> lines, string tzid, DateTime local)
    {
        var begin = lines.ToList().IndexOf("TZID:" + tzid) - 1;
        Assert.True(begin >= 0 && lines[begin] == "BEGIN:VTIMEZONE", $"no VTIMEZONE {tzid}");
        var observances = new List<(DateTime OnsetUtc, TimeSpan To)>();
        for (var i = begin; lines[i] != "END:VTIMEZONE"; i++)
        {
            if (lines[i] is "BEGIN:STANDARD" or "BEGIN:DAYLIGHT")
            {
                var onset = Local(Find(lines, "DTSTART", i).Value);
                var from = Offset(Find(lines, "TZOFFSETFROM", i).Value);
                observances.Add((onset - from, Offset(Find(lines, "TZOFFSETTO", i).Value)));
            }
        }

        // A local time belongs to the observance whose onset (in UTC) comes last before it, judged in that observance's offset.
        var chosen = observances.OrderBy(o => o.OnsetUtc).Last(o => local - o.To >= o.OnsetUtc);
        return local - chosen.To;
    }

    public static DateTime Local(string value) =>
        DateTime.ParseExact(value, "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static DateTime Utc(string value) =>
        DateTime.ParseExact(value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static TimeSpan Offset(string value)
    {
        var sign = value[0] == '-' ? -1 : 1;
        var hours = int.Parse(value.AsSpan(1, 2), CultureInfo.InvariantCulture);
        var minutes = int.Parse(value.AsSpan(3, 2), CultureInfo.InvariantCulture);
        var seconds = value.Length > 5 ? int.Parse(value.AsSpan(5, 2), CultureInfo.InvariantCulture) : 0;
        return sign * new TimeSpan(hours, minutes, seconds);
    }
}
