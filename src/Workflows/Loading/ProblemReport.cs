namespace MlaFlow.Workflows.Loading;

/// <summary>
/// Collects the problems of one definition as they are found and hands them back in document order, so
/// checks can run in whatever order is simplest (members first, graph last) and the author still reads
/// the file top to bottom. A definition based on a template is read from two files; its problems come back
/// file by file (the definition's own first, then the template's), each file's in its order.
/// </summary>
public sealed class ProblemReport
{
    private readonly List<(SourceLocation Where, DefinitionProblem Problem)> _problems;
    private readonly SourceMap _source;

    internal ProblemReport(string file, JsonLineIndex index)
        : this([], new SourceFile(file, index, order: 0))
    {
    }

    private ProblemReport(List<(SourceLocation, DefinitionProblem)> problems, SourceMap source) => (_problems, _source) = (problems, source);

    public bool IsEmpty => _problems.Count == 0;

    /// <summary>A problem with the member or item at <paramref name="path"/>.</summary>
    public void Add(string path, string message) => Add(_source.Locate(path), message);

    /// <summary>
    /// A required member is absent: the path names it, the line points at the object that should hold it — or, when
    /// a change to a template took it away, at that change.
    /// </summary>
    public void Missing(string objectPath, string member, string hint)
    {
        var owner = _source.Locate(objectPath);
        Add(_source.Find(JsonPaths.Member(objectPath, member)) ?? owner with { Path = JsonPaths.Member(owner.Path, member) }, $"Missing: {hint}.");
    }

    /// <summary>Every problem, ordered by where it is; problems at the same place keep the order they were found in.</summary>
    public IReadOnlyList<DefinitionProblem> InDocumentOrder() =>
        [.. _problems.OrderBy(p => p.Where.File.Order).ThenBy(p => p.Where.Position.Offset).Select(p => p.Problem)];

    /// <summary>The place <paramref name="path"/> names, for a message that points the author to it ("already used by …").</summary>
    internal string Show(string path) => _source.Show(path);

    /// <summary>Where <paramref name="path"/> was written, in the file this report reads.</summary>
    internal SourceLocation Locate(string path) => _source.Locate(path);

    /// <summary>A report of another file read in the same load (a template), into the same list of problems.</summary>
    internal ProblemReport ForFile(string file, JsonLineIndex index) =>
        new(_problems, new SourceFile(file, index, order: _source is SourceFile own ? own.Order + 1 : 1));

    /// <summary>A report of JSON put together from other files' parts, into the same list: <paramref name="map"/> says where each part was written.</summary>
    internal ProblemReport Through(SourceMap map) => new(_problems, map);

    internal void AddAt(string path, JsonPosition position, string message) =>
        Add(_source.Locate(path) with { Path = path, Position = position }, message);

    private void Add(SourceLocation where, string message) =>
        _problems.Add((where, new DefinitionProblem(where.File.Name, where.Position.Line, where.Path, message)));
}
