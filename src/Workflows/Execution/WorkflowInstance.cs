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
    /// <exception cref="WorkflowOperationException">No such token rests in the instance.</exception>
    public StepToken Token(int id) => Tokens.FirstOrDefault(t => t.Id == id)
        ?? throw new WorkflowOperationException($"There is no open step #{id} in this workflow.");
}
