namespace MlaFlow.Messaging.Tests.Attachments;

/// <summary>
/// A write-only stream that checks what it is given against <see cref="GeneratedPlaintext"/> and keeps nothing;
/// completes every write synchronously.
/// </summary>
internal sealed class ExpectedPlaintextStream : Stream
{
    private long position;

    /// <summary>Where the first byte that differs from the expected plaintext was written, if any.</summary>
    public long? FirstDifference { get; private set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => position;

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var matching = GeneratedPlaintext.MatchingPrefix(position, buffer);
        if (matching < buffer.Length && FirstDifference is null)
            FirstDifference = position + matching;
        position += buffer.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
