using System.Text.Json.Serialization;
using MlaFlow.Plugins.Sdk;
using NodaTime;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// A message a <c>send</c> step put in the request's outbox for the counterpart authority, kept in the
/// request's state (so it is written in the same transaction as the step); kept after delivery as the record of it.
/// </summary>
/// <param name="Id">Unique: <c>&lt;request id&gt;/m&lt;n&gt;</c>.</param>
/// <param name="Type">What the message is.</param>
/// <param name="StepId">The send step that queued it.</param>
/// <param name="QueuedAt">When the step ran.</param>
/// <param name="DeliveredAt">When the recipient took it; null while pending or when refused.</param>
/// <param name="Receipt">
/// For a message to another node: the recipient's signed answer to the envelope as received — its acceptance (kept as
/// soon as it comes, whatever follows), or its rejection.
/// </param>
/// <param name="RefusedAt">When the recipient's node refused it (it is not sent again).</param>
/// <param name="Refusal">Why it was refused, as the recipient's receipt says.</param>
/// <param name="Files">The request's files this message carries (<see cref="EvidenceFile.Id"/>): those added since the previous message.</param>
/// <param name="AcceptedAt">When the recipient's node signed its acceptance.</param>
/// <param name="Attempts">How many attempts to send it failed (counted in full when the failure is recorded: at the first, when its reason changes, and hourly).</param>
/// <param name="LastAttemptAt">When the last failed attempt so recorded was made.</param>
/// <param name="LastError">Why it failed then: the recipient's node down, no route, …</param>
/// <param name="DeliveryEvidence">
/// For a message to another node: the recipient's signed answer to the delivery — the delivery evidence, issued once its
/// copy of the request took the message and every file arrived whole with the declared SHA-256, or the rejection.
/// </param>
public sealed record OutgoingMessage(
    string Id, MessageType Type, string StepId, Instant QueuedAt, Instant? DeliveredAt = null, string? Receipt = null, Instant? RefusedAt = null, string? Refusal = null,
    IReadOnlyList<string>? Files = null, string? DeliveryEvidence = null, Instant? AcceptedAt = null, int Attempts = 0, Instant? LastAttemptAt = null,
    string? LastError = null)
{
    /// <summary>Neither delivered nor refused: still to be sent.</summary>
    [JsonIgnore]
    public bool IsPending => DeliveredAt is null && RefusedAt is null;

    /// <summary>Where its delivery stands as stored: queued, accepted, delivered or refused (sending is known only to the activation sending it).</summary>
    [JsonIgnore]
    public DeliveryState StoredState =>
        DeliveredAt is not null ? DeliveryState.Delivered
        : RefusedAt is not null ? DeliveryState.Refused
        : Receipt is not null ? DeliveryState.Accepted
        : DeliveryState.Queued;
}
