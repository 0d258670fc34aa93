using System.Text;
using System.Text.Json;

namespace MlaFlow.Workflows.Loading;

/// <summary>
/// Loads one workflow definition file (docs/workflows.md) and checks it completely, so a plugin author
/// sees every mistake in one run, each as <c>file:line: $.path: message</c>. A definition is used only
/// when it has no problem at all: a half-understood procedure must not run on a live request.
/// </summary>
public static class WorkflowDefinitionLoader
{
    /// <summary>Files above this size are refused unread (1 MiB; real definitions are a few KiB).</summary>
    public const int MaxBytes = 1024 * 1024;

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

        // A string never has more characters than its UTF-8 bytes, so the length alone refuses most oversized input without encoding it.
        if (json.Length > MaxBytes || Encoding.UTF8.GetByteCount(json) > MaxBytes)
        {
            return Refused(new DefinitionProblem(fileName, 1, JsonPaths.Root,
                $"The file is larger than {MaxBytes} bytes (1 MiB) and is refused unread; a workflow definition is a few KiB."));
        }

        var utf8 = Encoding.UTF8.GetBytes(json);
        if (JsonLineIndex.Build(utf8, MaxDepth, out var failure) is not { } index)
        {
            return Refused(new DefinitionProblem(fileName, failure!.Line, failure.Path, failure.Message));
        }

        var problems = new ProblemReport(fileName, index);
        foreach (var (path, position) in index.DuplicateMembers)
        {
            problems.AddAt(path, position, "This member appears twice in the same object; keep one, as readers disagree on which one counts.");
        }

        // The index has read the whole text with the same reader and limits, so parsing cannot fail here.
        using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = MaxDepth + 1 });
        var definition = new DefinitionReader(problems, facts).Read(document.RootElement);
        return problems.IsEmpty && definition is not null
            ? new DefinitionLoadResult(definition, [])
            : new DefinitionLoadResult(null, problems.InDocumentOrder());
    }

    private static DefinitionLoadResult Refused(DefinitionProblem problem) => new(null, [problem]);
}
