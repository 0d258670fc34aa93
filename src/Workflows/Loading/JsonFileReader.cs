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

        using var document = Parse(fileName, json, maxDepth, joining: null, out var problems);
        var value = document is null ? null : read(document.RootElement, problems);
        return problems.IsEmpty && value is not null ? (value, []) : (null, problems.InDocumentOrder());
    }

    /// <summary>
    /// The file's JSON, or null when it is too big or not JSON within <paramref name="maxDepth"/> (reported). <paramref name="report"/>
    /// locates the file's paths; it is a new report, or one more file of <paramref name="joining"/> when that is given.
    /// </summary>
    internal static JsonDocument? Parse(string fileName, string json, int maxDepth, ProblemReport? joining, out ProblemReport report)
    {
        // A string never has more characters than its UTF-8 bytes, so the length alone refuses most oversized input without encoding it.
        if (json.Length > MaxBytes || Encoding.UTF8.GetByteCount(json) > MaxBytes)
        {
            report = Report(fileName, JsonLineIndex.Empty, joining);
            report.AddAt(JsonPaths.Root, JsonPosition.Start, $"The file is larger than {MaxBytes} bytes (1 MiB) and is refused unread; plugin files are a few KiB.");
            return null;
        }

        var utf8 = Encoding.UTF8.GetBytes(json);
        if (JsonLineIndex.Build(utf8, maxDepth, out var failure) is not { } index)
        {
            report = Report(fileName, JsonLineIndex.Empty, joining);
            report.AddAt(failure!.Path, new JsonPosition(failure.Line, 0), failure.Message);
            return null;
        }

        report = Report(fileName, index, joining);
        foreach (var (path, position) in index.DuplicateMembers)
        {
            report.AddAt(path, position, "This member appears twice in the same object; keep one, as readers disagree on which one counts.");
        }

        // The index has read the whole text with the same reader and limits, so parsing cannot fail here.
        return JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = maxDepth + 1 });
    }

    private static ProblemReport Report(string fileName, JsonLineIndex index, ProblemReport? joining) =>
        joining?.ForFile(fileName, index) ?? new ProblemReport(fileName, index);
}
