using System.Text;

namespace MlaFlow.Workflows.Loading;

/// <summary>
/// Builds the JSONPath strings problems are reported with: <c>$.steps[3].outcomes.registered</c>, and
/// <c>$.steps[0].outcomes['not-found']</c> for names that are not plain identifiers, so a path always
/// reads back to exactly one member.
/// </summary>
internal static class JsonPaths
{
    public const string Root = "$";

    public static string Member(string parent, string name) =>
        IsPlainName(name) ? $"{parent}.{name}" : $"{parent}['{Escape(name)}']";

    public static string Item(string parent, int index) => $"{parent}[{index}]";

    private static bool IsPlainName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>Escapes quotes and control characters, so a hostile member name cannot break the one-line problem format.</summary>
    private static string Escape(string name)
    {
        var escaped = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            _ = c switch
            {
                '\'' or '\\' => escaped.Append('\\').Append(c),
                _ when char.IsControl(c) => escaped.Append($"\\u{(int)c:x4}"),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }
}
