using System.Globalization;
using System.Text.RegularExpressions;

namespace MlaFlow.Workflows.Loading.Templates;

/// <summary>
/// A template as a workflow file names it, <c>requested-evidence.v1</c>: the template's name and the one version the file
/// is based on. The version is part of the name so that a later version of the template changes nothing already based on
/// an earlier one.
/// </summary>
internal readonly partial record struct TemplateReference(string Name, int Version)
{
    public const string Shape = "a template's name and version, e.g. \"requested-evidence.v1\"";

    /// <summary>The file that holds the template: <c>requested-evidence.v1.json</c>.</summary>
    public string FileName => $"{this}.json";

    public static TemplateReference? Parse(string text)
    {
        var match = Written().Match(text);
        return match.Success ? new TemplateReference(match.Groups["name"].Value, int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture)) : null;
    }

    public static string? Problem(string text) => Parse(text) is null
        ? $"{Quote.Of(text)} is not {Shape}: a name of lowercase letters, digits and hyphens (camelCase allowed), then .v and the version."
        : null;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name}.v{Version}");

    [GeneratedRegex(@"^(?<name>[a-z][a-zA-Z0-9-]{0,63})\.v(?<version>[1-9][0-9]{0,3})\z")]
    private static partial Regex Written();
}
