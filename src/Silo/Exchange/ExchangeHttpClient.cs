namespace MlaFlow.Silo.Exchange;

/// <summary>The HTTP client envelopes are posted with: one per node, its own timeout, replaceable in tests (an in-memory peer).</summary>
public sealed class ExchangeHttpClient(HttpClient client)
{
    /// <summary>How long one attempt may take before it counts as failed and is retried.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(20);

    public HttpClient Client { get; } = client;

    public static ExchangeHttpClient Create() => new(new HttpClient { Timeout = AttemptTimeout });
}
