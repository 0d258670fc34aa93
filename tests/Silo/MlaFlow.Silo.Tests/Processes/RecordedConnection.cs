namespace MlaFlow.Silo.Tests.Processes;

/// <summary>
/// The bytes of one TCP connection a <see cref="RecordingProxy"/> relayed, each direction kept whole and in order, so
/// that what one HTTP message carried is contiguous in it (requests with a Content-Length are not split into chunks).
/// </summary>
public sealed class RecordedConnection
{
    private readonly MemoryStream _sent = new();
    private readonly MemoryStream _answered = new();
    private readonly Lock _gate = new();

    /// <summary>How many bytes the caller sent and the node answered.</summary>
    public (long Sent, long Answered) Length
    {
        get
        {
            lock (_gate)
            {
                return (_sent.Length, _answered.Length);
            }
        }
    }

    /// <summary>Whether <paramref name="pattern"/> appears in either direction.</summary>
    public bool Contains(ReadOnlySpan<byte> pattern)
    {
        lock (_gate)
        {
            return Holds(_sent, pattern) || Holds(_answered, pattern);
        }
    }

    /// <summary>How often <paramref name="pattern"/> appears in what the caller sent, e.g. a request line.</summary>
    public int CountSent(ReadOnlySpan<byte> pattern)
    {
        lock (_gate)
        {
            var bytes = _sent.GetBuffer().AsSpan(0, (int)_sent.Length);
            var count = 0;
            for (var at = bytes.IndexOf(pattern); at >= 0; at = bytes.IndexOf(pattern))
            {
                count++;
                bytes = bytes[(at + pattern.Length)..];
            }

            return count;
        }
    }

    internal void RecordSent(ReadOnlySpan<byte> bytes) => Record(_sent, bytes);

    internal void RecordAnswered(ReadOnlySpan<byte> bytes) => Record(_answered, bytes);

    private void Record(MemoryStream direction, ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            direction.Write(bytes);
        }
    }

    private static bool Holds(MemoryStream direction, ReadOnlySpan<byte> pattern) =>
        direction.GetBuffer().AsSpan(0, (int)direction.Length).IndexOf(pattern) >= 0;
}
