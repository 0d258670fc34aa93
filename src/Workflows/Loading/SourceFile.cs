namespace MlaFlow.Workflows.Loading;

/// <summary>
/// One file read in a load, the paths in it located by its <see cref="JsonLineIndex"/>. <see cref="Order"/> places its
/// problems among those of the other files of the same load: the file being loaded first, then its template.
/// </summary>
internal sealed class SourceFile(string name, JsonLineIndex index, int order) : SourceMap
{
    public string Name { get; } = name;

    public int Order { get; } = order;

    public override SourceLocation? Find(string path) => index.Find(path) is { } position ? new SourceLocation(this, path, position) : null;

    public override SourceLocation Locate(string path) => Find(path) ?? new SourceLocation(this, path, JsonPosition.Start);
}
