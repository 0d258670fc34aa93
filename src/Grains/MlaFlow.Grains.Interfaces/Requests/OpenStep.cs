using NodaTime;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// A step a request's workflow rests at. Each entry into a step is a new <see cref="Id"/>, never reused, so a task id
/// (<c>&lt;request id&gt;.&lt;Id&gt;</c>) names one entry and a late answer to an earlier one changes nothing.
/// </summary>
/// <param name="Id">The step's token in the workflow: what a task is completed, retried or routed by.</param>
/// <param name="StepId">The step of the definition.</param>
/// <param name="State">Waiting, or failed and waiting for an officer.</param>
/// <param name="EnteredAt">When the step was entered.</param>
/// <param name="Forks">The parallel splits this step is a branch of, innermost last.</param>
/// <param name="DueAt">When its deadline or timer falls due, if it has one.</param>
/// <param name="Error">Why it failed, for a failed step.</param>
/// <param name="Title">For a task: its title as the plugin gives it.</param>
/// <param name="Role">For a task: the role that completes it (<c>officer</c>, <c>prosecutor</c>, <c>executing</c>).</param>
public sealed record OpenStep(
    int Id, string StepId, StepState State, Instant EnteredAt, IReadOnlyList<string> Forks, Instant? DueAt = null, string? Error = null,
    string? Title = null, string? Role = null);
