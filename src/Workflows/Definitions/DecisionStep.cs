using MlaFlow.Workflows.Conditions;

namespace MlaFlow.Workflows.Definitions;

/// <summary>Leaves through the outcome of the first case whose condition holds, else through <see cref="Otherwise"/>.</summary>
public sealed record DecisionStep(string Id, IReadOnlyList<DecisionCase> Cases, string Otherwise, IReadOnlyDictionary<string, string> Outcomes)
    : StepDefinition(Id, Outcomes)
{
    public override string Type => "decision";
}

/// <summary>One case of a decision: when <paramref name="When"/> holds, leave through <paramref name="Outcome"/>.</summary>
public sealed record DecisionCase(Condition When, string Outcome);
