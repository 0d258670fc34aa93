using MlaFlow.Grains.Exchange;
using MlaFlow.Plugins.Sdk;
using NodaTime;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// What a request's outbox sends next and what its answers change. The first <c>request</c> message opens the
/// counterpart's copy; every later message goes to that copy. One message at a time, oldest first: the next is sent
/// once the previous one is delivered or refused. The sending itself happens outside the request's turn
/// (<see cref="OutboxSender"/>), locally or to another node, and each delivery is idempotent at the receiver (by message
/// id), so a delivery repeated after a crash, or after a lost receipt, is harmless.
/// </summary>
internal static class RequestDelivery
{
    public const string Actor = "system:exchange";

    /// <summary>The oldest pending message as it is sent, or null when none can go now.</summary>
    public static RemoteMessage? Next(AssistanceRequest request)
    {
        if (request.Outbox?.FirstOrDefault(m => m.IsPending) is not { } message)
        {
            return null;
        }

        var opens = request.Counterpart is null && message.Type == MessageType.Request && request.Side == WorkflowSide.Requesting;
        if (request.Counterpart is null && !opens)
        {
            return null; // the counterpart's copy does not exist before the request itself has been sent
        }

        var payload = opens ? ExchangePayload.ForRequest(request) : ExchangePayload.ForCopy(request.Counterpart!);
        IReadOnlyList<EvidenceFile> files = message.Files is { Count: > 0 } ids ? [.. (request.Files ?? []).Where(f => ids.Contains(f.Id))] : [];
        return new RemoteMessage(request.Own.Authority, request.Other.Authority, message.Id, request.Id.Value, message.Type, payload, files);
    }

    /// <summary>The request with <paramref name="acceptance"/> kept on pending message <paramref name="messageId"/>, or null when it has one or is not pending.</summary>
    public static AssistanceRequest? Accepted(AssistanceRequest request, string messageId, string acceptance, Instant now)
    {
        var index = (request.Outbox ?? []).ToList().FindIndex(m => m.Id == messageId && m.IsPending && m.Receipt is null);
        if (index < 0)
        {
            return null;
        }

        var outbox = request.Outbox!.ToList();
        outbox[index] = outbox[index] with { Receipt = acceptance, AcceptedAt = now };
        return request with { Outbox = outbox };
    }

    /// <summary>
    /// The request with the recipient's answer to pending message <paramref name="messageId"/> recorded, or null when no
    /// such message is pending (answered before). A refusal is final (the recipient said why, signed) and is kept on the
    /// timeline.
    /// </summary>
    public static AssistanceRequest? Answered(AssistanceRequest request, string messageId, RemoteReceipt receipt, Instant now)
    {
        var index = (request.Outbox ?? []).ToList().FindIndex(m => m.Id == messageId && m.IsPending);
        if (index < 0)
        {
            return null;
        }

        var message = request.Outbox![index];
        var outbox = request.Outbox!.ToList();
        if (receipt.Accepted)
        {
            outbox[index] = message with { DeliveredAt = now, Receipt = receipt.Evidence ?? message.Receipt, DeliveryEvidence = receipt.DeliveryEvidence };
            var counterpart = receipt.RecipientRequestId ?? request.Counterpart;
            var evidence = receipt.DeliveryEvidence is null ? "" : "; signed acceptance and delivery evidence kept";
            return request with
            {
                Outbox = outbox,
                Counterpart = counterpart,
                Timeline = [.. request.Timeline, new TimelineEvent(now, Actor, $"delivered to {request.Other.Authority} ({counterpart}): {message.Type}{evidence}")],
            };
        }

        outbox[index] = message.Receipt is null
            ? message with { RefusedAt = now, Refusal = receipt.Refusal, Receipt = receipt.Evidence }
            : message with { RefusedAt = now, Refusal = receipt.Refusal, DeliveryEvidence = receipt.Evidence };
        return request with
        {
            Outbox = outbox,
            Timeline = [.. request.Timeline, new TimelineEvent(now, Actor, $"refused by {request.Other.Authority}: {message.Type}: {receipt.Refusal}")],
        };
    }
}
