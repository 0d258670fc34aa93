namespace MlaFlow.Gateway.Tests.Infrastructure;

/// <summary>
/// An HTTP handler whose target is set after it is handed out: two in-memory nodes that post to each other cannot
/// both exist before the other. Until the target is set, or while it is <see cref="Down"/>, calls fail as an
/// unreachable peer's would.
/// </summary>
internal sealed class LateBoundHandler : HttpMessageHandler
{
    private HttpMessageInvoker? _target;
    private int _refused;

    public bool Down { get; set; }

    /// <summary>How many calls failed because the peer was down or not bound yet.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public void BindTo(HttpMessageHandler target) => _target = new HttpMessageInvoker(target);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_target is null || Down)
        {
            Interlocked.Increment(ref _refused);
            throw new HttpRequestException("The peer node is down.");
        }

        return _target.SendAsync(request, cancellationToken);
    }
}
