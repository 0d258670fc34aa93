namespace MlaFlow.Workflows.Definitions;

/// <summary>How a workflow ends (DOMAIN.md, "The life of a request").</summary>
public enum FinalStatus
{
    Executed,
    PartiallyExecuted,
    Refused,
    Withdrawn,
    Lapsed,
    Surrendered,
    Released,
    Postponed,
    Closed,
}
