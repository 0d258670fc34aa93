using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MlaFlow.Grains.Exchange;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Messaging.Keys;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Runtime.Serialization;
using MlaFlow.Silo.Hosting;
using MlaFlow.Workflows.Definitions;
using Polly;
using Polly.Retry;

namespace MlaFlow.Silo.Exchange;

/// <summary>
/// Sends outbox messages to authorities on other nodes: seals and signs each as an envelope, posts it to the peer's
/// <c>/exchange/v1/envelopes</c> (the address in <c>MlaFlow:Exchange:Peers:&lt;authority&gt;</c>), retrying a few
/// times with backoff, and trusts an answer only as a receipt signed by the recipient about this very message.
/// Anything less leaves the message pending, and the request's outbox tries again a minute later: a peer that is
/// down only delays delivery.
/// </summary>
public sealed class HttpRemoteExchange(EnvelopeSealer sealer, PeerDirectory peers, ExchangeSettings settings, ExchangeHttpClient http, ILogger<HttpRemoteExchange> logger)
    : IRemoteExchange
{
    private const string Path = "exchange/v1/envelopes";

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
                .HandleResult(r => r.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
        })
        .Build();

    public bool Reaches(AuthorityId recipient) => settings.Peers.ContainsKey(recipient) && peers.Keys(recipient).Count > 0;

    public async Task<RemoteReceipt> SendAsync(RemoteMessage message, CancellationToken cancellationToken = default)
    {
        if (!settings.Peers.TryGetValue(message.Recipient, out var peer))
        {
            throw new ExchangeUnavailableException($"No node address is configured for {message.Recipient} ({ExchangeSettings.PeersKey}:{message.Recipient}).");
        }

        byte[] body;
        try
        {
            var payload = JsonSerializer.SerializeToUtf8Bytes(message.Payload, MlaFlowJson.Options);
            body = EnvelopeJson.Serialize(sealer.Seal(
                message.Sender, message.Recipient, message.MessageId, message.RequestId, MessageTypeNames.Name(message.Type), payload));
        }
        catch (Exception e) when (e is KeyRefusedException or ArgumentException)
        {
            // A revoked or missing key is fixed by an administrator (import the peer's new bundle); until then the message waits.
            logger.LogWarning("Message {MessageId} to {Recipient} cannot be sealed: {Reason}", message.MessageId, message.Recipient, e.Message);
            throw new ExchangeUnavailableException(e.Message, e);
        }

        using var response = await PostAsync(new Uri(peer, Path), body, message, cancellationToken);
        var text = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity))
        {
            throw Unavailable(message, $"{peer} answered {(int)response.StatusCode}: {Bounded(text)}");
        }

        var receipt = Checked(text, message);
        var replayed = response.StatusCode == HttpStatusCode.Conflict && receipt.Receipt.Reason == "replayed";
        return receipt.Receipt.Status == ReceiptStatus.Accepted || replayed
            ? new RemoteReceipt(true, receipt.Receipt.RequestId, null, System.Text.Encoding.UTF8.GetString(text))
            : new RemoteReceipt(false, receipt.Receipt.RequestId, $"{receipt.Receipt.Reason}: {receipt.Receipt.Detail}", System.Text.Encoding.UTF8.GetString(text));
    }

    private async Task<HttpResponseMessage> PostAsync(Uri uri, byte[] body, RemoteMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await Retries.ExecuteAsync(async token =>
            {
                var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                return await http.Client.PostAsync(uri, content, token);
            }, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw Unavailable(message, $"{uri.GetLeftPart(UriPartial.Authority)} is not reachable: {e.Message}", e);
        }
    }

    // Only the recipient's signature on a receipt about this message from this sender counts; a relay cannot forge one.
    private SignedReceipt Checked(byte[] text, RemoteMessage message)
    {
        SignedReceipt receipt;
        try
        {
            receipt = SignedReceipt.Parse(text);
            if (receipt.Receipt.Issuer == message.Recipient && receipt.Receipt.Sender == message.Sender && receipt.Receipt.MessageId == message.MessageId
                && receipt.IsSignedBy(peers))
            {
                return receipt;
            }
        }
        catch (Exception e) when (e is FormatException or KeyRefusedException)
        {
            throw Unavailable(message, $"the answer is not a receipt this node can trust: {e.Message}", e);
        }

        throw Unavailable(message, "the answer is not a receipt signed by the recipient about this message");
    }

    private ExchangeUnavailableException Unavailable(RemoteMessage message, string why, Exception? inner = null)
    {
        logger.LogWarning("Message {MessageId} to {Recipient} not delivered yet: {Reason}", message.MessageId, message.Recipient, why);
        return new ExchangeUnavailableException($"{message.MessageId} to {message.Recipient}: {why}", inner);
    }

    private static string Bounded(byte[] text) => text.Length <= 300 ? System.Text.Encoding.UTF8.GetString(text) : System.Text.Encoding.UTF8.GetString(text, 0, 300) + "…";
}
