namespace MlaFlow.Workflows.Loading;

/// <summary>Shows an author's value inside a message: quoted, at most 40 characters, control characters escaped.</summary>
internal static class Quote
{
    private const int MaxLength = 40;

    public static string Of(string value)
    {
        var shown = value.Length <= MaxLength ? value : value[..MaxLength] + "…";
        return $"'{string.Concat(shown.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()))}'";
    }

    /// <summary>A list of names as messages show them: <c>task, send, await</c>.</summary>
    public static string List(IEnumerable<string> names) => string.Join(", ", names);
}
