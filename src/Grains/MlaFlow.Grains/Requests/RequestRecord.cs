using MlaFlow.Storage;
using MlaFlow.Workflows.Execution;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// A request as its grain stores it: the request as its users see it, and the workflow instance the engine runs it by.
/// Version 3 of <c>assistance-request</c>: version 1 kept the two in one object (<see cref="RequestRecordUpgrader"/>),
/// version 2 the messages received by id alone (<see cref="ReceivedMessagesUpgrader"/>).
/// </summary>
/// <param name="Request">The request, its <see cref="AssistanceRequest.Workflow"/> left out: it is read off <paramref name="Workflow"/>.</param>
/// <param name="Workflow">The engine's instance; null while no workflow applies.</param>
[StateType("assistance-request", 3)]
public sealed record RequestRecord(AssistanceRequest Request, WorkflowInstance? Workflow = null)
    : IQueryableState
{
    StateColumns IQueryableState.Columns => new(
        Owner: Request.Own.Authority.Value,
        Kind: Request.Kind.ToString(),
        Status: Request.Status.ToString(),
        RequestingState: Request.Requesting.State.Value,
        RequestedState: Request.Requested.State.Value,
        ExternalKey: Request.IdempotencyKey,
        Deadline: Workflow?.Tokens.Where(t => t.DueAt is not null).Min(t => t.DueAt));
}
