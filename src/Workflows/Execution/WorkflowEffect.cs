using NodaTime;

namespace MlaFlow.Workflows.Execution;

/// <summary>Something the host must do for a transition: effects are carried out by the request grain, not the engine.</summary>
public abstract record WorkflowEffect;

/// <summary>Arm a durable timer; when it fires, call <see cref="WorkflowEngine.TimerDue"/> with the name and due time.</summary>
public sealed record ArmTimer(string Name, Instant DueAt) : WorkflowEffect;

/// <summary>Disarm a timer that is no longer needed (its step was left).</summary>
public sealed record DisarmTimer(string Name) : WorkflowEffect;

/// <summary>A deadline approaches: tell the people responsible (timeline, notification).</summary>
public sealed record DeadlineWarning(string StepId, Instant DueAt) : WorkflowEffect;

/// <summary>The instance moved from one version of its procedure to another, for the reason given (timeline, audit).</summary>
public sealed record Migrated(int FromVersion, int ToVersion, string Reason) : WorkflowEffect;
