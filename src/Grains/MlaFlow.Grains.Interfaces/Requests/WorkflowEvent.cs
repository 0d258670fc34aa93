using NodaTime;

namespace MlaFlow.Grains.Requests;

/// <summary>A step left through an outcome, or faulted, retried, migrated: when, which step, what happened, by whom, and any detail.</summary>
public sealed record WorkflowEvent(Instant At, string StepId, string What, string Actor, string? Detail = null);
