namespace MlaFlow.Workflows.Loading;

/// <summary>
/// Loads one workflow definition file (docs/workflows.md) and checks it completely, so a plugin author
/// sees every mistake in one run, each as <c>file:line: $.path: message</c>. A definition is used only
/// when it has no problem at all: a half-understood procedure must not run on a live request.
/// </summary>
public static class WorkflowDefinitionLoader
{
    /// <summary>Files above this size are refused unread (1 MiB; real definitions are a few KiB).</summary>
    public const int MaxBytes = JsonFileReader.MaxBytes;

    /// <summary>Deepest nesting of objects and arrays read; a definition needs about ten, conditions included.</summary>
    public const int MaxDepth = 32;

    public const int MaxSteps = DefinitionReader.MaxSteps;

    /// <summary>Reads <paramref name="json"/> as a workflow definition. Bad input never throws: it is reported in the result.</summary>
    /// <param name="fileName">How problems name the file, e.g. <c>requested-evidence.v1.json</c>.</param>
    /// <param name="json">The file's text; at most <see cref="MaxBytes"/> bytes as UTF-8 and <see cref="MaxDepth"/> levels deep.</param>
    /// <param name="facts">The facts conditions may name; the definition's own form fields are added to it.</param>
    public static DefinitionLoadResult Load(string fileName, string json, FactCatalog facts)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(facts);

        var (definition, problems) = JsonFileReader.Read(fileName, json, MaxDepth, (root, report) => new DefinitionReader(report, facts).Read(root));
        return new DefinitionLoadResult(definition, problems);
    }
}
