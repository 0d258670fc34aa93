using MlaFlow.Workflows.Definitions;
using NodaTime;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// A message a <c>send</c> step put in the request's outbox for the counterpart authority, kept in the
/// request's state (so it is written in the same transaction as the step); kept after delivery as the record of it.
/// </summary>
public sealed record OutgoingMessage(string Id, MessageType Type, string StepId, Instant QueuedAt, Instant? DeliveredAt = null);
