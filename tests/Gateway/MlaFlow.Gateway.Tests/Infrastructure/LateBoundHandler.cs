using System.Collections.Concurrent;

namespace MlaFlow.Gateway.Tests.Infrastructure;

/// <summary>
/// An HTTP handler whose target is set after it is handed out: two in-memory nodes that post to each other cannot
/// both exist before the other. Until the target is set, or while it is <see cref="Down"/>, calls fail as an
/// unreachable peer's would. It can also go down by itself in the middle of a file's upload.
/// </summary>
internal sealed class LateBoundHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<string> _paths = new();
    private HttpMessageInvoker? _target;
    private int _refused;
    private int _segmentsBeforeDown = -1;
    private TaskCompletionSource _segmentsHeld = Released();

    public bool Down { get; set; }

    /// <summary>How many calls failed because the peer was down or not bound yet.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>The paths of the calls that went through, in order.</summary>
    public IReadOnlyCollection<string> Paths => _paths;

    public void BindTo(HttpMessageHandler target) => _target = new HttpMessageInvoker(target);

    /// <summary>Lets <paramref name="segments"/> more segment uploads through, then goes <see cref="Down"/>.</summary>
    public void DownAfterSegments(int segments) => Volatile.Write(ref _segmentsBeforeDown, segments);

    /// <summary>Makes segment uploads wait, as over a slow link, until <see cref="ReleaseSegments"/>.</summary>
    public void HoldSegments() => _segmentsHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ReleaseSegments() => _segmentsHeld.TrySetResult();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path.Contains("/segments/", StringComparison.Ordinal))
        {
            await _segmentsHeld.Task.WaitAsync(cancellationToken);
        }

        if (path.Contains("/segments/", StringComparison.Ordinal) && Volatile.Read(ref _segmentsBeforeDown) >= 0
            && Interlocked.Decrement(ref _segmentsBeforeDown) < 0)
        {
            Down = true;
        }

        if (_target is null || Down)
        {
            Interlocked.Increment(ref _refused);
            throw new HttpRequestException("The peer node is down.");
        }

        _paths.Enqueue(path);
        return await _target.SendAsync(request, cancellationToken);
    }

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource();
        released.SetResult();
        return released;
    }
}
