using System.Text.Json.Serialization;
using MlaFlow.Plugins.Sdk;
using NodaTime;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// A request for assistance as its authority's users see it, through the API or a grain call: what was asked, of whom,
/// on what basis, where it stands and where its workflow stands, and everything that happened to it. Each authority
/// holds a copy of its own: the requesting side's, or the requested side's (<see cref="Side"/>).
/// </summary>
public sealed record AssistanceRequest(
    RequestId Id,
    RequestKind Kind,
    Party Requesting,
    Party Requested,
    LegalBasis LegalBasis,
    LanguageCode Language,
    Urgency Urgency,
    string? UrgencyReason,
    string SummaryOfFacts,
    IReadOnlyList<Offence> Offences,
    IReadOnlyList<Person> Persons,
    IReadOnlyList<Measure> Measures,
    IReadOnlyList<Attachment> Attachments,
    RequestStatus Status,
    IReadOnlyList<TimelineEvent> Timeline,
    Instant CreatedAt,
    string? IdempotencyKey,
    string ContentSha256,
    WorkflowSide Side = WorkflowSide.Requesting,
    WorkflowProgress? Workflow = null,
    IReadOnlyList<OutgoingMessage>? Outbox = null,
    string? Counterpart = null,
    IReadOnlyList<ReceivedMessage>? ReceivedMessages = null,
    IReadOnlyList<EvidenceFile>? Files = null)
{
    /// <summary>The side this copy of the request belongs to: the requesting authority's, or the requested authority's.</summary>
    [JsonIgnore]
    public Party Own => Side == WorkflowSide.Requesting ? Requesting : Requested;

    /// <summary>The other side, to which this copy's messages go.</summary>
    [JsonIgnore]
    public Party Other => Side == WorkflowSide.Requesting ? Requested : Requesting;

    /// <summary>Whether the counterpart's message <paramref name="messageId"/> was taken before (each is taken once).</summary>
    public bool HasReceived(string messageId) => ReceivedMessages?.Any(m => m.Id == messageId) == true;

    /// <summary>Its workflow has started and not ended: steps may still be taken, files still sent.</summary>
    [JsonIgnore]
    public bool IsRunning => Workflow is { Ended: null };
}
