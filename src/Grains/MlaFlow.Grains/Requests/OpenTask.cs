using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Execution;
using NodaTime;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// A step of a request's workflow that waits for a person: a task, or a step that failed and needs an
/// officer to retry or route it. <see cref="Id"/> is <c>&lt;request id&gt;.&lt;token&gt;</c>.
/// </summary>
public sealed record OpenTask(
    string Id, string RequestId, string StepId, string Title, string Role, TokenState State,
    IReadOnlyList<string> Outcomes, IReadOnlyList<FormField> Form, Instant Since, Instant? DueAt, string? Error)
{
    /// <summary>The open tasks of <paramref name="request"/> under <paramref name="definition"/>.</summary>
    public static IEnumerable<OpenTask> Of(AssistanceRequest request, WorkflowDefinition definition) =>
        (request.Workflow?.Tokens ?? []).Select(token => Of(request, definition, token)).OfType<OpenTask>();

    /// <summary>Splits a task id into its request id and token; false when it is not of that shape.</summary>
    public static bool TryParseId(string id, out string requestId, out int token)
    {
        var dot = id.LastIndexOf('.');
        requestId = dot > 0 ? id[..dot] : "";
        return int.TryParse(id.AsSpan(dot + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out token) && dot > 0;
    }

    private static OpenTask? Of(AssistanceRequest request, WorkflowDefinition definition, StepToken token)
    {
        var step = definition.Step(token.StepId);
        var id = $"{request.Id}.{token.Id}";
        return (token.State, step) switch
        {
            (TokenState.Faulted, _) => new OpenTask(id, request.Id.Value, step.Id, $"Failed: {step.Id}", "officer", token.State,
                [.. step.Outcomes.Keys], [], token.EnteredAt, null, token.Error),
            (TokenState.Waiting, TaskStep task) => new OpenTask(id, request.Id.Value, task.Id, task.Title, task.Role, token.State,
                [.. task.Outcomes.Keys.Where(o => o != task.Deadline?.Outcome)], task.Form, token.EnteredAt, token.DueAt, null),
            _ => null,
        };
    }
}
