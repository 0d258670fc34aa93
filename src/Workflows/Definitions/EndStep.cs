namespace MlaFlow.Workflows.Definitions;

/// <summary>Ends the workflow with a final status; a refusal states its <see cref="Ground"/>.</summary>
public sealed record EndStep(string Id, FinalStatus Status, string? Ground)
    : StepDefinition(Id, new Dictionary<string, string>())
{
    public override string Type => "end";
}
