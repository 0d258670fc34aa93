using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Workflows.Definitions;

/// <summary>Waits for an incoming <see cref="Message"/> or a named <see cref="Signal"/> (exactly one is set), then leaves through <c>received</c>.</summary>
public sealed record AwaitStep(
    string Id, MessageType? Message, string? Signal, DeadlineDefinition? Deadline, IReadOnlyDictionary<string, string> Outcomes)
    : StepDefinition(Id, Outcomes)
{
    public const string Received = "received";

    public override string Type => "await";
}
