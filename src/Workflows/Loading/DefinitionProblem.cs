namespace MlaFlow.Workflows.Loading;

/// <summary>
/// One reason a workflow definition was refused, located so a plugin author can jump to it:
/// <paramref name="Line"/> is 1-based and points at the offending member, or at the object that lacks a
/// required member; <paramref name="JsonPath"/> names the member itself (<c>$.steps[3].outcomes.registered</c>).
/// </summary>
public sealed record DefinitionProblem(string File, int Line, string JsonPath, string Message)
{
    /// <summary>The compiler-style form editors and CI logs understand: <c>file:line: path: message</c>.</summary>
    public override string ToString() => $"{File}:{Line}: {JsonPath}: {Message}";
}
