using NodaTime;

namespace MlaFlow.Workflows.Execution;

/// <summary>
/// A position in the flowchart. Every entry into a step makes a new token with a new <paramref name="Id"/>, so
/// a timer set for an earlier entry can never act on a later one.
/// </summary>
/// <param name="Id">Unique within the instance, never reused.</param>
/// <param name="StepId">The step the token rests at.</param>
/// <param name="State">Waiting, or faulted.</param>
/// <param name="EnteredAt">When the step was entered.</param>
/// <param name="Forks">The open parallel splits this token is inside, innermost last (<c>split#3</c>).</param>
/// <param name="DueAt">When the step's deadline or timer falls due, if it has one.</param>
/// <param name="WarnAt">When to warn that <paramref name="DueAt"/> approaches, if the step asks and the warning has not been given yet.</param>
/// <param name="Error">Why the step failed, when <paramref name="State"/> is <see cref="TokenState.Faulted"/>.</param>
public sealed record StepToken(
    int Id,
    string StepId,
    TokenState State,
    Instant EnteredAt,
    IReadOnlyList<string> Forks,
    Instant? DueAt = null,
    Instant? WarnAt = null,
    string? Error = null);
