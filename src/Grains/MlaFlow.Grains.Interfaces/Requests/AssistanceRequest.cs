using MlaFlow.Plugins.Sdk;
using MlaFlow.Runtime.State;
using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Execution;
using NodaTime;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// A request for assistance as stored and as returned by the API: what was asked, of whom, on what
/// basis, where it stands, the workflow it follows, and everything that happened to it.
/// </summary>
[StateType("assistance-request", 1)]
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
    WorkflowInstance? Workflow = null,
    IReadOnlyList<OutgoingMessage>? Outbox = null,
    string? Counterpart = null,
    IReadOnlyList<string>? ReceivedMessages = null,
    IReadOnlyList<EvidenceFile>? Files = null) : IQueryableState
{
    /// <summary>The side this copy of the request belongs to: the requesting authority's, or the requested authority's.</summary>
    public Party Own => Side == WorkflowSide.Requesting ? Requesting : Requested;

    /// <summary>The other side, to which this copy's messages go.</summary>
    public Party Other => Side == WorkflowSide.Requesting ? Requested : Requesting;

    StateColumns IQueryableState.Columns => new(
        Owner: Own.Authority.Value,
        Kind: Kind.ToString(),
        Status: Status.ToString(),
        RequestingState: Requesting.State.Value,
        RequestedState: Requested.State.Value,
        ExternalKey: IdempotencyKey,
        Deadline: Workflow?.Tokens.Where(t => t.DueAt is not null).Min(t => t.DueAt));
}
