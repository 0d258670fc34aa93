using MlaFlow.Grains.Authorities;
using MlaFlow.Grains.Exchange;
using MlaFlow.Runtime.Grains;
using MlaFlow.Workflows.Definitions;
using NodaTime;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// Delivers a request's outbox to the counterpart authority: through its grains when this node serves it too,
/// else through the secure exchange to its node. The first <c>request</c> message opens the counterpart's copy;
/// every later message goes to that copy. Each delivery is idempotent at the receiver (by message id), so a
/// delivery repeated after a crash, or after a lost receipt, is harmless. One message at a time, oldest first: the
/// next is sent once the previous one is delivered or refused.
/// </summary>
internal sealed class RequestDelivery(IGrainFactory grains, ServedAuthorities served, IRemoteExchange remote, OutboxSender sender)
{
    public const string Actor = "system:exchange";

    /// <summary>The request after delivering (or having refused) its oldest pending message, or null when none can be sent now.</summary>
    public async Task<AssistanceRequest?> DeliverNextAsync(AssistanceRequest request, Instant now)
    {
        var outbox = request.Outbox ?? [];
        var index = outbox.ToList().FindIndex(m => m.IsPending);
        var recipient = request.Other.Authority;
        if (index < 0)
        {
            return null;
        }

        var message = outbox[index];
        var opens = request.Counterpart is null && message.Type == MessageType.Request && request.Side == WorkflowSide.Requesting;
        if (request.Counterpart is null && !opens)
        {
            return null; // the counterpart's copy does not exist before the request itself has been sent
        }

        var files = Carried(request, message);
        if (served.Serves(recipient))
        {
            // One node, one file store: the counterpart's copy refers to the very file already stored.
            var counterpart = opens
                ? await grains.GetGrain<IAuthorityGrain>(recipient.Value).ReceiveRequestAsync(new IncomingRequest(message.Id, request, files))
                : await DeliverLocallyAsync(request.Counterpart!, message, request, files);
            return Delivered(request, index, message with { DeliveredAt = now }, counterpart, now, "");
        }

        return remote.Reaches(recipient) ? Send(request, message, files, opens) : null;
    }

    private static IReadOnlyList<EvidenceFile> Carried(AssistanceRequest request, OutgoingMessage message) =>
        message.Files is { Count: > 0 } ids ? [.. (request.Files ?? []).Where(f => ids.Contains(f.Id))] : [];

    private async Task<string> DeliverLocallyAsync(string counterpart, OutgoingMessage message, AssistanceRequest request, IReadOnlyList<EvidenceFile> files)
    {
        await grains.GetGrain<IAssistanceRequestGrain>(counterpart).ReceiveMessageAsync(new IncomingMessage(message.Id, message.Type, request.Id.Value, files));
        return counterpart;
    }

    // The exchange with another node runs outside the request's turn (OutboxSender); its answer comes back through
    // RecordRemoteDeliveryAsync. Until then, and after a failure, the message stays pending.
    private AssistanceRequest? Send(AssistanceRequest request, OutgoingMessage message, IReadOnlyList<EvidenceFile> files, bool opens)
    {
        var payload = opens ? ExchangePayload.ForRequest(request) : ExchangePayload.ForCopy(request.Counterpart!);
        sender.Start(request.Id.Value, new RemoteMessage(request.Own.Authority, request.Other.Authority, message.Id, request.Id.Value, message.Type, payload, files));
        return null;
    }

    /// <summary>The request with <paramref name="acceptance"/> kept on pending message <paramref name="messageId"/>, or null when it has one or is not pending.</summary>
    public static AssistanceRequest? Accepted(AssistanceRequest request, string messageId, string acceptance)
    {
        var index = (request.Outbox ?? []).ToList().FindIndex(m => m.Id == messageId && m.IsPending && m.Receipt is null);
        if (index < 0)
        {
            return null;
        }

        var outbox = request.Outbox!.ToList();
        outbox[index] = outbox[index] with { Receipt = acceptance };
        return request with { Outbox = outbox };
    }

    /// <summary>
    /// The request with the recipient node's answer to pending message <paramref name="messageId"/> recorded, or null
    /// when no such message is pending (answered before). A refusal is final (the recipient said why, signed) and is
    /// kept on the timeline.
    /// </summary>
    public static AssistanceRequest? Answered(AssistanceRequest request, string messageId, RemoteReceipt receipt, Instant now)
    {
        var index = (request.Outbox ?? []).ToList().FindIndex(m => m.Id == messageId && m.IsPending);
        if (index < 0)
        {
            return null;
        }

        var message = request.Outbox![index];
        if (receipt.Accepted)
        {
            return Delivered(request, index, message with { DeliveredAt = now, Receipt = receipt.Evidence ?? message.Receipt, DeliveryEvidence = receipt.DeliveryEvidence },
                receipt.RecipientRequestId ?? request.Counterpart, now, "; signed acceptance and delivery evidence kept");
        }

        var outbox = request.Outbox!.ToList();
        outbox[index] = message.Receipt is null
            ? message with { RefusedAt = now, Refusal = receipt.Refusal, Receipt = receipt.Evidence }
            : message with { RefusedAt = now, Refusal = receipt.Refusal, DeliveryEvidence = receipt.Evidence };
        return request with
        {
            Outbox = outbox,
            Timeline = [.. request.Timeline, new TimelineEvent(now, Actor, $"refused by {request.Other.Authority}: {message.Type}: {receipt.Refusal}")],
        };
    }

    private static AssistanceRequest Delivered(AssistanceRequest request, int index, OutgoingMessage delivered, string? counterpart, Instant now, string note)
    {
        var outbox = request.Outbox!.ToList();
        outbox[index] = delivered;
        return request with
        {
            Outbox = outbox,
            Counterpart = counterpart,
            Timeline = [.. request.Timeline, new TimelineEvent(now, Actor, $"delivered to {request.Other.Authority} ({counterpart}): {delivered.Type}{note}")],
        };
    }
}
