namespace MlaFlow.Workflows.Loading;

/// <summary>
/// Traces the paths of the JSON a reader reads back to where the author wrote them: in a plain file they are the
/// file's own; in a definition based on a template (<see cref="Templates.TemplateSourceMap"/>) each part comes from the
/// template or from the file that changes it, so a problem is reported where it can be fixed.
/// </summary>
internal abstract class SourceMap
{
    /// <summary>Where the value at <paramref name="path"/> was written, or null when the JSON read has no value there.</summary>
    public abstract SourceLocation? Find(string path);

    /// <summary>Where the value at <paramref name="path"/> was written; for a path not in the JSON read, the start of the file it was read from.</summary>
    public abstract SourceLocation Locate(string path);

    /// <summary><paramref name="path"/> as a message names another place: the path where it was written.</summary>
    public virtual string Show(string path) => Locate(path).Path;
}
