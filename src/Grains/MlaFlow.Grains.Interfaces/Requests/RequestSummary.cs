using MlaFlow.Plugins.Sdk;
using NodaTime;

namespace MlaFlow.Grains.Requests;

/// <summary>A request in a list: enough to find it, without the personal data of its persons.</summary>
/// <param name="Id">The request's id.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Requested">Whom it asks.</param>
/// <param name="Urgency">How urgent it is.</param>
/// <param name="CreatedAt">When it was opened.</param>
/// <param name="Delivery">Where the delivery of its latest message stands (null before it sends any).</param>
/// <param name="DeliveryError">Why its pending message was not delivered yet, when an attempt failed.</param>
public sealed record RequestSummary(
    string Id, RequestKind Kind, RequestStatus Status, Party Requested, Urgency Urgency, Instant CreatedAt, DeliveryState? Delivery = null, string? DeliveryError = null)
{
    public static RequestSummary Of(AssistanceRequest request)
    {
        // The oldest pending message holds the queue up; without one, the last message sent says how it ended.
        var message = request.Outbox?.FirstOrDefault(m => m.IsPending) ?? request.Outbox?.LastOrDefault();
        return new(request.Id.Value, request.Kind, request.Status, request.Requested, request.Urgency, request.CreatedAt,
            message?.StoredState, message is { IsPending: true } ? message.LastError : null);
    }
}
