using MlaFlow.Plugins.Sdk;
using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Execution;

namespace MlaFlow.Plugins.Tests.Walks;

/// <summary>An outbox that accepts every message and keeps it, so a walk can check what its send steps handed over.</summary>
internal sealed class RecordingOutbox : IWorkflowOutbox
{
    public List<(MessageType Message, string StepId)> Sent { get; } = [];

    public void Enqueue(MessageType message, string stepId) => Sent.Add((message, stepId));
}
