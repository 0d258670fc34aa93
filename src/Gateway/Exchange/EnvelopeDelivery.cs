using System.Text.Json;
using MlaFlow.Grains.Authorities;
using MlaFlow.Grains.Exchange;
using MlaFlow.Grains.Requests;
using MlaFlow.Grains.Serialization;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Plugins.Sdk;
using Orleans;

namespace MlaFlow.Gateway.Exchange;

/// <summary>
/// Hands an opened envelope to the recipient's grains: a <c>request</c> opens the recipient's copy (or finds it,
/// when it was opened before), any other message goes to the copy the payload names — only if that copy is the
/// recipient's own and the sender's request is its counterpart, so one authority cannot write into another's case.
/// Both deliveries are idempotent by message id. A message that announces files is checked when it arrives and
/// delivered once they are complete (docs/messaging.md, "Attachments over the exchange").
/// </summary>
internal sealed class EnvelopeDelivery(IGrainFactory grains)
{
    private const int MaxPayloadDepth = 32;

    /// <summary>Checks that <paramref name="opened"/> fits one of the recipient's requests, delivering nothing.</summary>
    /// <exception cref="EnvelopeRefusedException">With <see cref="EnvelopeRefusal.Undeliverable"/>, saying why.</exception>
    public async Task<DeliveryTarget> TargetAsync(OpenedEnvelope opened)
    {
        var header = opened.Header;
        if (!MessageTypeNames.TryParse(header.MessageType, out var type))
        {
            throw Undeliverable($"'{header.MessageType}' is not a message type; known: {string.Join(", ", MessageTypeNames.All)}.");
        }

        var payload = Payload(opened.Payload);
        if (type == MessageType.Request)
        {
            var origin = payload.Request ?? throw Undeliverable("A request message carries the request.");
            if (origin.Id.Value != header.RequestId || origin.Requesting.Authority != header.Sender || origin.Requested.Authority != header.Recipient)
            {
                throw Undeliverable($"The request inside ({origin.Id}, from {origin.Requesting.Authority} to {origin.Requested.Authority}) is not the one the envelope names.");
            }

            return new DeliveryTarget(header, type, payload, origin, null);
        }

        var copyId = payload.To ?? throw Undeliverable("A message other than the request names the recipient's copy it is for.");
        var copy = RequestId.TryParse(copyId, null, out var id) && id.Authority == header.Recipient
            ? await grains.GetGrain<IAssistanceRequestGrain>(copyId).GetAsync()
            : null;
        if (copy is null || copy.Counterpart != header.RequestId)
        {
            throw Undeliverable($"{header.Recipient} has no copy {copyId} of {header.Sender}'s request {header.RequestId}.");
        }

        return new DeliveryTarget(header, type, payload, null, copyId);
    }

    /// <summary>Delivers the message, with the files it brought (whole and verified in this node's file store).</summary>
    /// <returns>The recipient's copy of the request.</returns>
    public async Task<string> DeliverAsync(DeliveryTarget target)
    {
        var header = target.Header;
        IReadOnlyList<EvidenceFile> files = [.. target.Files.Select(f => f.File)];
        if (target.Origin is { } origin)
        {
            return await grains.GetGrain<IAuthorityGrain>(header.Recipient.Value).ReceiveRequestAsync(new IncomingRequest(header.MessageId, origin, files));
        }

        await grains.GetGrain<IAssistanceRequestGrain>(target.Copy!).ReceiveMessageAsync(new IncomingMessage(header.MessageId, target.Type, header.RequestId, files));
        return target.Copy!;
    }

    private static ExchangePayload Payload(byte[] json)
    {
        try
        {
            var options = new JsonSerializerOptions(MlaFlowJson.Options) { MaxDepth = MaxPayloadDepth };
            return JsonSerializer.Deserialize<ExchangePayload>(json, options) ?? throw Undeliverable("The payload is empty.");
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException)
        {
            throw Undeliverable($"The payload is not an exchange payload: {e.Message}");
        }
    }

    private static EnvelopeRefusedException Undeliverable(string message) => new(EnvelopeRefusal.Undeliverable, message);
}
