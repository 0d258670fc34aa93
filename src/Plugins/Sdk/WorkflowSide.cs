using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Plugins.Sdk;

/// <summary>Which side of a request a workflow runs for: the state asking, or the state asked.</summary>
public enum WorkflowSide
{
    Requesting,
    Requested,
}
