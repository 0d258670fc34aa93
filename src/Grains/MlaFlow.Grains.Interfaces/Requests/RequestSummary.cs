using MlaFlow.Plugins.Sdk;
using NodaTime;

namespace MlaFlow.Grains.Requests;

/// <summary>A request in a list: enough to find it, without the personal data of its persons.</summary>
public sealed record RequestSummary(string Id, RequestKind Kind, RequestStatus Status, Party Requested, Urgency Urgency, Instant CreatedAt)
{
    public static RequestSummary Of(AssistanceRequest request) =>
        new(request.Id.Value, request.Kind, request.Status, request.Requested, request.Urgency, request.CreatedAt);
}
