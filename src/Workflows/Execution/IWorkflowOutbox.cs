using MlaFlow.Plugins.Sdk;
using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Workflows.Execution;

/// <summary>
/// Where <c>send</c> steps put their messages. The host records them to be sent after the transition is
/// persisted (in the same transaction). It throws when a message cannot be accepted (no counterpart,
/// channel suspended); the send step is then faulted, not lost.
/// </summary>
public interface IWorkflowOutbox
{
    void Enqueue(MessageType message, string stepId);
}
