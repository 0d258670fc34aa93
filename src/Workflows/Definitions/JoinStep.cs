namespace MlaFlow.Workflows.Definitions;

/// <summary>Waits until every branch started by <see cref="Parallel"/> has arrived, then leaves through <c>joined</c>.</summary>
public sealed record JoinStep(string Id, string Parallel, IReadOnlyDictionary<string, string> Outcomes) : StepDefinition(Id, Outcomes)
{
    public const string Joined = "joined";

    public override string Type => "join";
}
