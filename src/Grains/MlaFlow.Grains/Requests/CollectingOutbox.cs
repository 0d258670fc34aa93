using MlaFlow.Plugins.Sdk;
using MlaFlow.Workflows.Execution;

namespace MlaFlow.Grains.Requests;

/// <summary>Collects what a workflow operation sends, to be written into the request's outbox with the operation's state.</summary>
internal sealed class CollectingOutbox : IWorkflowOutbox
{
    public List<(MessageType Message, string StepId)> Messages { get; } = [];

    public void Enqueue(MessageType message, string stepId) => Messages.Add((message, stepId));
}
