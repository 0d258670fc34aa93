namespace MlaFlow.Workflows.Definitions;

/// <summary>Waits <see cref="After"/> from when it is entered, then leaves through <c>elapsed</c>.</summary>
public sealed record TimerStep(string Id, DurationSpec After, DurationSpec? WarnBefore, IReadOnlyDictionary<string, string> Outcomes)
    : StepDefinition(Id, Outcomes)
{
    public const string Elapsed = "elapsed";

    public override string Type => "timer";
}
