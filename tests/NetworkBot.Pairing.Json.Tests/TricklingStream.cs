namespace NetworkBot.Pairing.Json.Tests;

/// <summary>
/// Bytes handed out a few at a time, as a pipe may hand them: every read stops after <c>pieces[i]</c> bytes (in
/// turn; one byte when there are none), so tokens and characters are cut at every place a test chooses.
/// </summary>
internal sealed class TricklingStream(byte[] bytes, int[] pieces) : Stream
{
    private int position;
    private int piece;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var length = Math.Min(Math.Min(count, bytes.Length - position), pieces.Length == 0 ? 1 : Math.Max(1, pieces[piece++ % pieces.Length]));
        bytes.AsSpan(position, length).CopyTo(buffer.AsSpan(offset));
        position += length;
        return length;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
