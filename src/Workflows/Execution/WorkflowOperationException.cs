namespace MlaFlow.Workflows.Execution;

/// <summary>An operation does not fit the instance as it is (a task already done, an outcome the step does not have); nothing changed.</summary>
public sealed class WorkflowOperationException(string message) : Exception(message);
