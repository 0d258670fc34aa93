using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MlaFlow.Grains.Exchange;
using MlaFlow.Grains.Serialization;
using MlaFlow.Messaging.Attachments;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Messaging.Files;
using MlaFlow.Messaging.Keys;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Silo.Hosting;
using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Silo.Exchange;

/// <summary>
/// Sends outbox messages to authorities on other nodes (docs/messaging.md, "Exchange between nodes"): seals and signs
/// each as an envelope — with the keys of the files it carries — and posts it to the peer's <c>/exchange/v1/envelopes</c>
/// (the address in <c>MlaFlow:Exchange:Peers:&lt;authority&gt;</c>); uploads the files' encrypted segments, resuming
/// where the peer stopped; then asks for delivery. An answer counts only as a receipt signed by the recipient about this
/// very message: the acceptance first, the delivery evidence last. Anything less leaves the message pending, and the
/// request's outbox tries again later: a peer that is down only delays delivery.
/// </summary>
public sealed class HttpRemoteExchange(
    EnvelopeSealer sealer, PeerDirectory peers, ExchangeSettings settings, EvidenceFileStore files, PeerRequests requests, ILogger<HttpRemoteExchange> logger)
    : IRemoteExchange
{
    private const string EnvelopesPath = "exchange/v1/envelopes";
    private const string DeliveriesPath = "exchange/v1/deliveries";

    public bool Reaches(AuthorityId recipient) => settings.Peers.ContainsKey(recipient) && peers.Keys(recipient).Count > 0;

    public async Task<RemoteReceipt> SendAsync(RemoteMessage message, Func<string, Task> accepted, CancellationToken cancellationToken = default)
    {
        if (!settings.Peers.TryGetValue(message.Recipient, out var peer))
        {
            throw new ExchangeUnavailableException($"No node address is configured for {message.Recipient} ({ExchangeSettings.PeersKey}:{message.Recipient}).");
        }

        var answer = await PostAsync(new Uri(peer, EnvelopesPath), Seal(message), message, cancellationToken);
        var replayed = answer.Receipt.Receipt is { Status: ReceiptStatus.Rejected, Reason: "replayed" };
        if (answer.Receipt.Receipt.Status != ReceiptStatus.Accepted && !replayed)
        {
            return new RemoteReceipt(false, answer.Receipt.Receipt.RequestId, Why(answer), answer.Text);
        }

        // A replay means an earlier attempt was accepted, and kept that acceptance: this answer is not one.
        var acceptance = replayed ? null : answer.Text;
        if (acceptance is not null)
        {
            await accepted(acceptance);
        }

        var upload = new AttachmentUpload(files, requests, logger);
        foreach (var file in message.Files)
        {
            try
            {
                await upload.SendAsync(peer, file, cancellationToken);
            }
            catch (UploadInterruptedException e)
            {
                throw Unavailable(message, e.Message, e);
            }
        }

        var request = JsonSerializer.SerializeToUtf8Bytes(new { sender = message.Sender.Value, messageId = message.MessageId });
        var delivery = await PostAsync(new Uri(peer, DeliveriesPath), request, message, cancellationToken);
        return delivery.Receipt.Receipt.Status == ReceiptStatus.Delivered
            ? new RemoteReceipt(true, delivery.Receipt.Receipt.RequestId, null, acceptance, delivery.Text)
            : new RemoteReceipt(false, delivery.Receipt.Receipt.RequestId, Why(delivery), delivery.Text);
    }

    private static string Why(CheckedAnswer refusal) => $"{refusal.Receipt.Receipt.Reason}: {refusal.Receipt.Receipt.Detail}";

    // The files' keys go inside the sealed payload, and nowhere else: zeroed once it is sealed.
    private byte[] Seal(RemoteMessage message)
    {
        var announced = new List<ExchangeFile>();
        try
        {
            foreach (var file in message.Files)
            {
                announced.Add(new ExchangeFile(file, files.FileKey(file.Id), Header(file.Id)));
            }

            var payload = JsonSerializer.SerializeToUtf8Bytes(message.Payload with { Files = announced.Count == 0 ? null : announced }, MlaFlowJson.Options);
            try
            {
                return EnvelopeJson.Serialize(sealer.Seal(
                    message.Sender, message.Recipient, message.MessageId, message.RequestId, MessageTypeNames.Name(message.Type), payload));
            }
            finally
            {
                CryptographicOperations.ZeroMemory(payload);
            }
        }
        catch (Exception e) when (e is KeyRefusedException or KeyStoreException or ArgumentException or EvidenceFileNotFoundException)
        {
            // A revoked or missing key is fixed by an administrator (import the peer's new bundle); until then the message waits.
            logger.LogWarning("Message {MessageId} to {Recipient} cannot be sealed: {Reason}", message.MessageId, message.Recipient, e.Message);
            throw new ExchangeUnavailableException(e.Message, e);
        }
        finally
        {
            announced.ForEach(f => CryptographicOperations.ZeroMemory(f.Key));
        }
    }

    private byte[] Header(string fileId)
    {
        using var ciphertext = files.OpenCiphertext(fileId);
        var header = new byte[AttachmentFormat.HeaderLength];
        ciphertext.ReadExactly(header);
        return header;
    }

    private async Task<CheckedAnswer> PostAsync(Uri uri, byte[] body, RemoteMessage message, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await requests.SendAsync(() =>
            {
                var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                return new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
            }, cancellationToken);
        }
        catch (PeerUnreachableException e)
        {
            throw Unavailable(message, $"{uri.GetLeftPart(UriPartial.Authority)} is not reachable: {e.Message}", e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity))
            {
                throw Unavailable(message, $"{uri} answered {(int)response.StatusCode}: {Bounded(text)}");
            }

            return new CheckedAnswer(Checked(text, message), Encoding.UTF8.GetString(text));
        }
    }

    // Only the recipient's signature on a receipt about this message from this sender counts; a relay cannot forge one.
    // (A 409 from the delivery call is a plain problem — files still arriving — and so is not trusted either: try later.)
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
        // Debug only: the request records the failure and warns once, then at intervals, not at every retry.
        logger.LogDebug("Message {MessageId} to {Recipient} not delivered yet: {Reason}", message.MessageId, message.Recipient, why);
        return new ExchangeUnavailableException($"{message.MessageId} to {message.Recipient}: {why}", inner);
    }

    private static string Bounded(byte[] text) => text.Length <= 300 ? Encoding.UTF8.GetString(text) : Encoding.UTF8.GetString(text, 0, 300) + "…";

    /// <summary>A signed receipt checked to be the recipient's about this message, and its text as received (the evidence kept).</summary>
    private sealed record CheckedAnswer(SignedReceipt Receipt, string Text);
}
