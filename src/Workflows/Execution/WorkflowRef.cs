using MlaFlow.Plugins.Sdk;
using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Workflows.Execution;

/// <summary>Which definition an instance runs: the responsible state's plugin, side, kind and version.</summary>
public sealed record WorkflowRef(CountryCode Country, WorkflowSide Side, RequestKind Kind, int Version)
{
    public override string ToString() => $"{Country}/{Side}/{Kind} v{Version}";
}
