namespace MlaFlow.Gateway.Tests.Infrastructure;

/// <summary>
/// An HTTP handler whose target is set after it is handed out: two in-memory nodes that post to each other cannot
/// both exist before the other. Until the target is set, or while it is <see cref="Down"/>, calls fail as an
/// unreachable peer's would.
/// </summary>
internal sealed class LateBoundHandler : HttpMessageHandler
{
    private HttpMessageInvoker? _target;

    public bool Down { get; set; }

    public void BindTo(HttpMessageHandler target) => _target = new HttpMessageInvoker(target);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _target is null || Down
            ? throw new HttpRequestException("The peer node is down.")
            : _target.SendAsync(request, cancellationToken);
}
