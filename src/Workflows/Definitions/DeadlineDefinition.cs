namespace MlaFlow.Workflows.Definitions;

/// <summary>A deadline on a waiting step: left through <paramref name="Outcome"/> if still waiting <paramref name="After"/> from entry; warned <paramref name="WarnBefore"/> ahead.</summary>
public sealed record DeadlineDefinition(DurationSpec After, DurationSpec? WarnBefore, string Outcome);
