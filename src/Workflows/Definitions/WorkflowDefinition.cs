using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Workflows.Definitions;

/// <summary>
/// One version of the procedure a state follows for one side and kind of request: steps joined by
/// named outcomes, entered at <see cref="Start"/>. Built only by the loader, which has checked it
/// (docs/workflows.md, "Validation at load").
/// </summary>
public sealed record WorkflowDefinition(
    WorkflowSide Side,
    RequestKind Kind,
    int Version,
    string Title,
    string Start,
    IReadOnlyList<StepDefinition> Steps)
{
    private readonly Dictionary<string, StepDefinition> _byId = Steps.ToDictionary(s => s.Id, StringComparer.Ordinal);

    private IReadOnlyDictionary<string, IReadOnlySet<string>>? _dominators;

    /// <summary>The step with this id.</summary>
    /// <exception cref="KeyNotFoundException">No step has this id.</exception>
    public StepDefinition Step(string id) => _byId.TryGetValue(id, out var step) ? step
        : throw new KeyNotFoundException($"Workflow {Side}/{Kind} v{Version} has no step '{id}'.");

    public bool HasStep(string id) => _byId.ContainsKey(id);

    /// <summary>
    /// The tasks that every way from the start to <paramref name="stepId"/> goes through, the step itself aside: the
    /// people who must have acted before the step is reached. Empty for a step the start does not reach.
    /// </summary>
    public IEnumerable<TaskStep> TasksOnEveryWayTo(string stepId)
    {
        _dominators ??= StepDominators.Of(this);
        return _dominators.TryGetValue(stepId, out var before)
            ? Steps.OfType<TaskStep>().Where(t => t.Id != stepId && before.Contains(t.Id))
            : [];
    }
}
