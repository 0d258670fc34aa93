namespace MlaFlow.Workflows.Loading;

/// <summary>
/// One reason a plugin file was refused, located so a plugin author can jump to it:
/// <paramref name="Line"/> is 1-based and points at the offending member, or at the object that lacks a
/// required member, and is 0 for a problem with a whole file or folder (e.g. a missing file);
/// <paramref name="JsonPath"/> names the member itself (<c>$.steps[3].outcomes.registered</c>).
/// </summary>
public sealed record DefinitionProblem(string File, int Line, string JsonPath, string Message)
{
    /// <summary>The compiler-style form editors and CI logs understand: <c>file:line: path: message</c> (<c>file: message</c> when there is no line).</summary>
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {JsonPath}: {Message}" : $"{File}: {Message}";
}
