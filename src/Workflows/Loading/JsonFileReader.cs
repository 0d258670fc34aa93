using System.Text;
using System.Text.Json;

namespace MlaFlow.Workflows.Loading;

/// <summary>
/// Reads one JSON file of a plugin (a workflow definition, a manifest, a form) with bounded size and depth,
/// and hands its root to a reader that reports problems by path; every problem comes back with its line,
/// in document order. A value is returned only when there is no problem at all.
/// </summary>
public static class JsonFileReader
{
    /// <summary>Files above this size are refused unread (1 MiB; plugin files are a few KiB).</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <exception cref="ArgumentNullException">An argument is null. Bad content never throws: it is reported.</exception>
    public static (TValue? Value, IReadOnlyList<DefinitionProblem> Problems) Read<TValue>(
        string fileName, string json, int maxDepth, Func<JsonElement, ProblemReport, TValue?> read)
        where TValue : class
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(json);

        // A string never has more characters than its UTF-8 bytes, so the length alone refuses most oversized input without encoding it.
        if (json.Length > MaxBytes || Encoding.UTF8.GetByteCount(json) > MaxBytes)
        {
            return (null, [new DefinitionProblem(fileName, 1, JsonPaths.Root,
                $"The file is larger than {MaxBytes} bytes (1 MiB) and is refused unread; plugin files are a few KiB.")]);
        }

        var utf8 = Encoding.UTF8.GetBytes(json);
        if (JsonLineIndex.Build(utf8, maxDepth, out var failure) is not { } index)
        {
            return (null, [new DefinitionProblem(fileName, failure!.Line, failure.Path, failure.Message)]);
        }

        var problems = new ProblemReport(fileName, index);
        foreach (var (path, position) in index.DuplicateMembers)
        {
            problems.AddAt(path, position, "This member appears twice in the same object; keep one, as readers disagree on which one counts.");
        }

        // The index has read the whole text with the same reader and limits, so parsing cannot fail here.
        using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = maxDepth + 1 });
        var value = read(document.RootElement, problems);
        return problems.IsEmpty && value is not null ? (value, []) : (null, problems.InDocumentOrder());
    }
}
