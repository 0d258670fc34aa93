using System.Security.Cryptography;

namespace MlaFlow.Bench;

/// <summary>
/// A read-only stream of <paramref name="length"/> bytes that repeats one random mebibyte: a file of any size in
/// constant memory, produced at memory-copy speed so that it costs the measurement next to nothing. (AES-GCM and
/// SHA-256 take as long on repeated bytes as on any others.) Every read completes synchronously.
/// </summary>
internal sealed class PatternStream(long length) : Stream
{
    private static readonly byte[] Pattern = RandomNumberGenerator.GetBytes(1 << 20);

    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - _position);
        var filled = 0;
        while (filled < count)
        {
            var offset = (int)((_position + filled) % Pattern.Length);
            var chunk = Math.Min(count - filled, Pattern.Length - offset);
            Pattern.AsSpan(offset, chunk).CopyTo(buffer[filled..]);
            filled += chunk;
        }

        _position += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
