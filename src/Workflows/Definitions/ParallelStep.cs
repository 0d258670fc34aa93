namespace MlaFlow.Workflows.Definitions;

/// <summary>Starts every outcome's branch at once; a <see cref="JoinStep"/> naming this step waits for them all.</summary>
public sealed record ParallelStep(string Id, IReadOnlyDictionary<string, string> Outcomes) : StepDefinition(Id, Outcomes)
{
    public override string Type => "parallel";
}
