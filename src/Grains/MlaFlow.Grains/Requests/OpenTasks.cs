using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Execution;

namespace MlaFlow.Grains.Requests;

/// <summary>The steps of a stored request that wait for a person: its tasks, and its failed steps (an officer's).</summary>
internal static class OpenTasks
{
    /// <summary>The open tasks of <paramref name="record"/> under <paramref name="definition"/>, the definition its workflow runs.</summary>
    public static IEnumerable<OpenTask> Of(RequestRecord record, WorkflowDefinition definition) =>
        (record.Workflow?.Tokens ?? []).Select(token => Of(record.Request, definition, token)).OfType<OpenTask>();

    private static OpenTask? Of(AssistanceRequest request, WorkflowDefinition definition, StepToken token)
    {
        var step = definition.Step(token.StepId);
        var id = $"{request.Id}.{token.Id}";
        return (token.State, step) switch
        {
            (TokenState.Faulted, _) => new OpenTask(id, request.Id.Value, step.Id, $"Failed: {step.Id}", "officer", StepState.Faulted,
                [.. step.Outcomes.Keys], [], token.EnteredAt, null, token.Error),
            (TokenState.Waiting, TaskStep task) => new OpenTask(id, request.Id.Value, task.Id, task.Title, task.Role, StepState.Waiting,
                [.. task.Outcomes.Keys.Where(o => o != task.Deadline?.Outcome)], task.Form, token.EnteredAt, token.DueAt, null),
            _ => null,
        };
    }
}
