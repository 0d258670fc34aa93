using MlaFlow.Plugins.Sdk;
using NodaTime;

namespace MlaFlow.Grains.Requests;

/// <summary>One message of a request, sent or received, as <c>GET /api/v1/requests/{id}/messages</c> lists them.</summary>
/// <param name="Id">The message id.</param>
/// <param name="Direction">Sent by this copy, or received from the counterpart.</param>
/// <param name="Type">What it is; null for a message received before its type was kept.</param>
/// <param name="CreatedAt">When it was queued (sent) or taken (received).</param>
/// <param name="Files">The files it carries.</param>
/// <param name="Delivery">Where a sent message's delivery stands; null for a received one.</param>
public sealed record RequestMessage(string Id, MessageDirection Direction, MessageType? Type, Instant? CreatedAt, IReadOnlyList<string> Files, MessageDelivery? Delivery);

/// <summary>Which way a message went.</summary>
public enum MessageDirection
{
    Sent,
    Received,
}

/// <summary>
/// Where a sent message's delivery stands: its state, how many attempts failed and why the last did, when the next is
/// due, and when the recipient's node accepted it, its copy took it, or the recipient refused it.
/// </summary>
public sealed record MessageDelivery(
    DeliveryState State, int Attempts, string? LastError, Instant? LastAttemptAt, Instant? NextAttemptAt, Instant? AcceptedAt, Instant? DeliveredAt,
    Instant? RefusedAt, string? Refusal);

/// <summary>A sent message's delivery.</summary>
public enum DeliveryState
{
    /// <summary>Waiting its turn, or to be tried again after a failed attempt (see the last error).</summary>
    Queued,

    /// <summary>On its way now.</summary>
    Sending,

    /// <summary>The recipient's node signed its acceptance; its files and delivery to the copy follow.</summary>
    Accepted,

    /// <summary>The recipient's copy took it.</summary>
    Delivered,

    /// <summary>The recipient refused it, for good (the reason is kept).</summary>
    Refused,
}
