using System.Text.Json.Nodes;
using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Workflows.Execution;

/// <summary>
/// A running (or ended) workflow: where its tokens rest, what forms were filled in, and its history. It
/// is plain data, persisted inside the request grain's state; all behaviour is in <see cref="WorkflowEngine"/>.
/// </summary>
public sealed record WorkflowInstance(
    WorkflowRef Definition,
    IReadOnlyList<StepToken> Tokens,
    IReadOnlyDictionary<string, JsonObject> Forms,
    IReadOnlyList<HistoryEntry> History,
    int NextTokenId,
    FinalStatus? Ended = null,
    string? Ground = null)
{
    public bool IsEnded => Ended is not null;

    /// <summary>The token with this id.</summary>
    /// <exception cref="WorkflowOperationException">The step was open once but has been left (e.g. a task already completed).</exception>
    /// <exception cref="OpenStepNotFoundException">The instance never had such a step.</exception>
    public StepToken Token(int id) => Tokens.FirstOrDefault(t => t.Id == id)
        ?? (id > 0 && id < NextTokenId
            ? throw new WorkflowOperationException($"Step #{id} is no longer open: it was completed or left.")
            : throw new OpenStepNotFoundException(id));
}
