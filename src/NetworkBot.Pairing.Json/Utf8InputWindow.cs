using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace NetworkBot.Pairing.Json;

/// <summary>
/// The UTF-8 text of a stream as a <see cref="Utf8JsonReader"/> reads it, one window at a time: a request of 100,000
/// members is 80 MB, and held whole it was the largest object of a <c>networkbot pair</c> run (and 80 MB of fresh
/// pages to fault in). Only the text the reader has not consumed yet is kept.
/// </summary>
/// <remarks>
/// The text is what <see cref="Encoding.UTF8"/> would decode the bytes to: while they are valid UTF-8 they pass
/// through as they are, checked a window at a time (a character cut by the window's edge waits for the rest of it);
/// from the first invalid sequence on they go through one decoder, which replaces each invalid sequence with U+FFFD
/// exactly as decoding the whole input at once would.
/// </remarks>
internal sealed class Utf8InputWindow
{
    /// <summary>Large enough that refilling costs nothing next to reading, small enough to stay in the cache.</summary>
    public const int DefaultSize = 256 * 1024;

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private readonly Stream source;

    /// <summary>Bytes at the start of <see cref="buffer"/> the reader may read: whole characters only.</summary>
    private int exposed;

    /// <summary>Bytes after the exposed ones that are read but not yet checked: the start of a character cut by the edge.</summary>
    private int held;

    private byte[] buffer;
    private bool ended;
    private bool finalGiven;

    /// <summary>Set from the first invalid sequence on; then the stream's bytes are read into <see cref="raw"/> and decoded into the window.</summary>
    private Decoder? repair;

    private byte[] raw = [];

    /// <param name="source">The text, read from where it stands to its end.</param>
    /// <param name="size">The window's first size; it grows only for a single token longer than the window.</param>
    public Utf8InputWindow(Stream source, int size = DefaultSize)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 16);
        this.source = source;
        buffer = new byte[size];
    }

    /// <summary>A reader over the first window, a byte order mark left out when <paramref name="skipByteOrderMark"/>.</summary>
    public Utf8JsonReader Start(bool skipByteOrderMark)
    {
        while (held < Utf8ByteOrderMark.Length && !ended)
        {
            ReadRaw();
        }

        if (skipByteOrderMark && buffer.AsSpan(0, held).StartsWith(Utf8ByteOrderMark))
        {
            held -= Utf8ByteOrderMark.Length;
            buffer.AsSpan(Utf8ByteOrderMark.Length, held).CopyTo(buffer);
        }

        Expose();
        return Reader(default);
    }

    /// <summary>
    /// Moves <paramref name="json"/> on to a window that starts where it stopped and holds more of the text; false
    /// when the reader already had the end of the text.
    /// </summary>
    public bool TryAdvance(ref Utf8JsonReader json)
    {
        if (finalGiven)
        {
            return false;
        }

        var consumed = (int)json.BytesConsumed;
        buffer.AsSpan(consumed, exposed + held - consumed).CopyTo(buffer);
        exposed -= consumed;
        if (exposed + held == buffer.Length)
        {
            // One token fills the window: room for the rest of it.
            Array.Resize(ref buffer, 2 * buffer.Length);
        }

        ReadRaw();
        Expose();
        json = Reader(json.CurrentState);
        return true;
    }

    private Utf8JsonReader Reader(JsonReaderState state)
    {
        finalGiven = ended && held == 0;
        return new Utf8JsonReader(buffer.AsSpan(0, exposed), finalGiven, state);
    }

    /// <summary>Reads what fits after the bytes in the window (into <see cref="raw"/> once repairing), at least one byte unless the stream has ended.</summary>
    private void ReadRaw()
    {
        if (repair is not null)
        {
            // A replaced byte can take three: leave room for the worst case.
            var room = (buffer.Length - exposed) / 3;
            if (room < 16)
            {
                Array.Resize(ref buffer, 2 * buffer.Length);
                room = (buffer.Length - exposed) / 3;
            }

            if (raw.Length < room)
            {
                raw = new byte[room];
            }

            held = source.Read(raw, 0, room);
            ended = held == 0;
            return;
        }

        var read = source.Read(buffer, exposed + held, buffer.Length - exposed - held);
        ended = read == 0;
        held += read;
    }

    /// <summary>Checks the held bytes and exposes every whole character among them, or starts repairing at the first invalid one.</summary>
    private void Expose()
    {
        if (repair is null)
        {
            var pending = buffer.AsSpan(exposed, held);
            var whole = ended ? held : WholeCharacters(pending);
            if (Utf8.IsValid(pending[..whole]))
            {
                exposed += whole;
                held -= whole;
                return;
            }

            // The bytes already exposed were whole valid characters, so decoding goes on from here with a fresh decoder.
            repair = Encoding.UTF8.GetDecoder();
            raw = pending.ToArray();
        }

        var chars = new char[repair.GetCharCount(raw, 0, held, ended)];
        repair.GetChars(raw, 0, held, chars, 0, ended);
        var bytes = Encoding.UTF8.GetByteCount(chars);
        if (exposed + bytes > buffer.Length)
        {
            Array.Resize(ref buffer, exposed + bytes);
        }

        exposed += Encoding.UTF8.GetBytes(chars, buffer.AsSpan(exposed));
        held = 0;
    }

    /// <summary>How many bytes of <paramref name="bytes"/> end before a character the end cuts short, if any.</summary>
    private static int WholeCharacters(ReadOnlySpan<byte> bytes)
    {
        // A character is at most four bytes: look back for the lead byte of the last one.
        for (var back = 1; back <= Math.Min(4, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) != 0x80)
            {
                var length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return length > back ? bytes.Length - back : bytes.Length;
            }
        }

        return bytes.Length;
    }
}
