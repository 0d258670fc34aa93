namespace MlaFlow.Workflows.Loading;

/// <summary>
/// Collects the problems of one definition as they are found and hands them back in document order, so
/// checks can run in whatever order is simplest (members first, graph last) and the author still reads
/// the file top to bottom.
/// </summary>
public sealed class ProblemReport
{
    private readonly List<(JsonPosition Position, DefinitionProblem Problem)> _problems = [];
    private readonly string _file;
    private readonly JsonLineIndex _index;

    internal ProblemReport(string file, JsonLineIndex index) => (_file, _index) = (file, index);

    public bool IsEmpty => _problems.Count == 0;

    /// <summary>A problem with the member or item at <paramref name="path"/>.</summary>
    public void Add(string path, string message) => AddAt(path, _index.Locate(path), message);

    /// <summary>A required member is absent: the path names it, the line points at the object that should hold it.</summary>
    public void Missing(string objectPath, string member, string hint) =>
        AddAt(JsonPaths.Member(objectPath, member), _index.Locate(objectPath), $"Missing: {hint}.");

    internal void AddAt(string path, JsonPosition position, string message) =>
        _problems.Add((position, new DefinitionProblem(_file, position.Line, path, message)));

    /// <summary>Every problem, ordered by where it is in the file; problems at the same place keep the order they were found in.</summary>
    public IReadOnlyList<DefinitionProblem> InDocumentOrder() => [.. _problems.OrderBy(p => p.Position.Offset).Select(p => p.Problem)];
}
