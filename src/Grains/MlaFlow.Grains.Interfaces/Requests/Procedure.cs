using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Grains.Requests;

/// <summary>A workflow definition of a state's plugin: the state, the side it runs for, the kind of request and its version.</summary>
public sealed record Procedure(CountryCode Country, WorkflowSide Side, RequestKind Kind, int Version)
{
    public override string ToString() => $"{Country}/{Side}/{Kind} v{Version}";
}
