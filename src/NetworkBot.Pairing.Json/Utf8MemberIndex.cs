using System.Text;

namespace NetworkBot.Pairing.Json;

/// <summary>
/// The members of a request by the UTF-8 text of their ids, so <see cref="PairingRequestReader"/> resolves each of
/// the millions of history ids of a large request straight from the JSON bytes (see <see cref="Utf8Map{TValue}"/>).
/// </summary>
internal sealed class Utf8MemberIndex
{
    private readonly Utf8Map<int> members;

    private Utf8MemberIndex(Utf8Map<int> members)
    {
        this.members = members;
    }

    /// <summary>The index of these ids, or null when one of them is repeated.</summary>
    public static Utf8MemberIndex? Build(string[] ids)
    {
        var textLength = 0L;
        foreach (var id in ids)
        {
            textLength += Encoding.UTF8.GetByteCount(id);
        }

        // Room for every id's text at once: 100,000 ids outgrow a guess and copy megabytes.
        var members = new Utf8Map<int>(ids.Length, (int)Math.Min(Array.MaxLength, textLength));
        var utf8 = new byte[256];
        for (var m = 0; m < ids.Length; m++)
        {
            if (Encoding.UTF8.GetMaxByteCount(ids[m].Length) > utf8.Length)
            {
                utf8 = new byte[Encoding.UTF8.GetMaxByteCount(ids[m].Length)];
            }

            ref var member = ref members.GetValueRefOrAddDefault(utf8.AsSpan(0, Encoding.UTF8.GetBytes(ids[m], utf8)), out var repeated);
            if (repeated)
            {
                return null;
            }

            member = m;
        }

        return new Utf8MemberIndex(members);
    }

    /// <summary>The member whose id is this UTF-8 text, or -1.</summary>
    public int Find(ReadOnlySpan<byte> utf8Id) => members.TryGetValue(utf8Id, out var member) ? member : -1;
}
