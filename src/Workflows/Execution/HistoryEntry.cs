using NodaTime;

namespace MlaFlow.Workflows.Execution;

/// <summary>A step left through an outcome (or faulted, retried, migrated): when, by whom, and any detail.</summary>
public sealed record HistoryEntry(Instant At, string StepId, string What, string Actor, string? Detail = null);
