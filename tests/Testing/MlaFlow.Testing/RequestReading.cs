using MlaFlow.Grains.Requests;

namespace MlaFlow.Testing;

/// <summary>Where a request's workflow stands, read as tests need it.</summary>
public static class RequestReading
{
    /// <summary>The steps the workflow waits at (tasks, awaits, timers), in token order.</summary>
    public static IEnumerable<string> WaitingSteps(this AssistanceRequest request) =>
        request.Workflow!.Steps.Where(t => t.State == StepState.Waiting).Select(t => t.StepId);

    /// <summary>The id of the one step token resting at <paramref name="stepId"/>: what a task is completed, retried or routed by.</summary>
    /// <exception cref="InvalidOperationException">No token, or several, rest there.</exception>
    public static int TokenAt(this AssistanceRequest request, string stepId) => request.Workflow!.Steps.Single(t => t.StepId == stepId).Id;
}
