using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Workflows.Definitions;

/// <summary>Hands a message to the outbox for the counterpart authority, then leaves through <c>sent</c>.</summary>
public sealed record SendStep(string Id, MessageType Message, IReadOnlyDictionary<string, string> Outcomes) : StepDefinition(Id, Outcomes)
{
    public const string Sent = "sent";

    public override string Type => "send";
}
