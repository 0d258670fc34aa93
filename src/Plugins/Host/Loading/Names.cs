using System.Text.Json;
using System.Text.RegularExpressions;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Plugins.Host.Loading;

/// <summary>Names as written in plugin files and file names: sides and kinds (camelCase), custom steps and validators (hyphenated).</summary>
internal static partial class Names
{
    public const string CodeNameRule = "lower-case words joined by hyphens, at most 64 characters (watch-list-screening)";

    public static string Side(WorkflowSide side) => JsonNamingPolicy.CamelCase.ConvertName(side.ToString());

    public static string Kind(RequestKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    /// <summary>Whether <paramref name="name"/> may name a custom step or validator: <see cref="CodeNameRule"/>.</summary>
    public static bool IsCodeName(string? name) => name is { Length: <= 64 } && CodeNameShape().IsMatch(name);

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*\\z")]
    private static partial Regex CodeNameShape();
}
