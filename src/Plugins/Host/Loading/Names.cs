using System.Text.Json;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Plugins.Host.Loading;

/// <summary>Sides and kinds as written in plugin files and file names (camelCase).</summary>
internal static class Names
{
    public static string Side(WorkflowSide side) => JsonNamingPolicy.CamelCase.ConvertName(side.ToString());

    public static string Kind(RequestKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
}
