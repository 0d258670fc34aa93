using MlaFlow.Grains.Authorities;
using MlaFlow.Runtime.Grains;
using MlaFlow.Workflows.Definitions;
using NodaTime;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// Delivers a request's outbox to the counterpart authority when this node serves it too: the first
/// <c>request</c> message opens the counterpart's copy; every later message goes to that copy. Each
/// delivery is idempotent at the receiver (by message id), so a delivery repeated after a crash is harmless.
/// </summary>
internal sealed class RequestDelivery(IGrainFactory grains, ServedAuthorities served)
{
    public const string Actor = "system:exchange";

    /// <summary>The request after delivering its oldest undelivered message, or null when none can be delivered now.</summary>
    public async Task<AssistanceRequest?> DeliverNextAsync(AssistanceRequest request, Instant now)
    {
        var outbox = request.Outbox ?? [];
        var index = outbox.ToList().FindIndex(m => m.DeliveredAt is null);
        var recipient = request.Other.Authority;
        if (index < 0 || !served.Serves(recipient))
        {
            return null; // nothing to send, or the recipient is on another node (secure exchange)
        }

        var message = outbox[index];
        var counterpart = request.Counterpart;
        if (counterpart is null && message.Type == MessageType.Request && request.Side == WorkflowSide.Requesting)
        {
            counterpart = await grains.GetGrain<IAuthorityGrain>(recipient.Value).ReceiveRequestAsync(new IncomingRequest(message.Id, request));
        }
        else if (counterpart is null)
        {
            return null; // the counterpart's copy does not exist before the request itself has been sent
        }
        else
        {
            await grains.GetGrain<IAssistanceRequestGrain>(counterpart).ReceiveMessageAsync(new IncomingMessage(message.Id, message.Type, request.Id.Value));
        }

        var delivered = outbox.ToList();
        delivered[index] = message with { DeliveredAt = now };
        return request with
        {
            Outbox = delivered,
            Counterpart = counterpart,
            Timeline = [.. request.Timeline, new TimelineEvent(now, Actor, $"delivered to {recipient} ({counterpart}): {message.Type}")],
        };
    }
}
