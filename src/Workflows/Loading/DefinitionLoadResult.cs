using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Workflows.Loading;

/// <summary>
/// What loading one definition file gave: the checked <see cref="Definition"/>, or — when anything is wrong —
/// no definition and every <see cref="Problems">problem</see>, in document order.
/// </summary>
public sealed record DefinitionLoadResult(WorkflowDefinition? Definition, IReadOnlyList<DefinitionProblem> Problems)
{
    public bool Succeeded => Definition is not null;
}
