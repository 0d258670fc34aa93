using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Execution;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// A stored request as callers see it: the request, with where its workflow stands read off the engine's instance.
/// Nothing in it can be changed by a caller on this silo to change the grain's state (it shares only immutable records).
/// </summary>
internal static class RequestView
{
    /// <param name="record">The stored request.</param>
    /// <param name="definition">The definition its workflow runs, for the titles and roles of its tasks; null when its plugin is not loaded.</param>
    public static AssistanceRequest Of(RequestRecord record, WorkflowDefinition? definition) =>
        record.Workflow is { } instance ? record.Request with { Workflow = Progress(instance, definition) } : record.Request;

    /// <summary>The procedure a workflow reference names, as callers see it.</summary>
    public static Procedure ProcedureOf(WorkflowRef reference) => new(reference.Country, reference.Side, reference.Kind, reference.Version);

    private static WorkflowProgress Progress(WorkflowInstance instance, WorkflowDefinition? definition) => new(
        ProcedureOf(instance.Definition),
        [.. instance.Tokens.Select(t => Step(t, definition))],
        [.. instance.History.Select(h => new WorkflowEvent(h.At, h.StepId, h.What, h.Actor, h.Detail))],
        // Copies: the view is handed to callers on this silo as it is, and JSON nodes can be changed.
        instance.Forms.ToDictionary(f => f.Key, f => f.Value.DeepClone().AsObject()),
        instance.Ended is { } ended ? Enum.Parse<RequestStatus>(ended.ToString()) : null,
        instance.Ground);

    private static OpenStep Step(StepToken token, WorkflowDefinition? definition)
    {
        var task = definition is not null && definition.HasStep(token.StepId) ? definition.Step(token.StepId) as TaskStep : null;
        var state = token.State == TokenState.Faulted ? StepState.Faulted : StepState.Waiting;
        return new OpenStep(token.Id, token.StepId, state, token.EnteredAt, token.Forks, token.DueAt, token.Error, task?.Title, task?.Role);
    }
}
