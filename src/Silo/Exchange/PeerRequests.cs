using System.Net;
using Polly;
using Polly.Retry;

namespace MlaFlow.Silo.Exchange;

/// <summary>
/// One call to a peer node, retried a few times with backoff when the network or the peer fails (not when the peer
/// answers, whatever it answers): a fresh request each attempt, since a sent request cannot be sent again.
/// </summary>
public sealed class PeerRequests(ExchangeHttpClient http)
{
    private static readonly ResiliencePipeline<HttpResponseMessage> Retries = new ResiliencePipelineBuilder<HttpResponseMessage>()
        .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromMilliseconds(500),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .Handle<TaskCanceledException>()
                // A connection accepted and then reset (a balancer with nothing behind it) surfaces as a bare socket error.
                .Handle<System.Net.Sockets.SocketException>()
                .Handle<IOException>()
                .HandleResult(r => r.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
        })
        .Build();

    /// <exception cref="PeerUnreachableException">Every attempt failed without an answer.</exception>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        try
        {
            return await Retries.ExecuteAsync(async token =>
            {
                using var attempt = request();
                return await http.Client.SendAsync(attempt, token);
            }, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Net.Sockets.SocketException or IOException)
        {
            throw new PeerUnreachableException(e.Message, e);
        }
    }
}
