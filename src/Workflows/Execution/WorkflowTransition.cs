namespace MlaFlow.Workflows.Execution;

/// <summary>The instance after an operation, and the effects the host must carry out for it.</summary>
public sealed record WorkflowTransition(WorkflowInstance Instance, IReadOnlyList<WorkflowEffect> Effects);
