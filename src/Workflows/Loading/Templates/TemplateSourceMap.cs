using System.Text.Json.Nodes;

namespace MlaFlow.Workflows.Loading.Templates;

/// <summary>
/// Where each value of a definition put together from a template was written: every path of it, mapped to the file
/// and path it was copied from — the template, or the workflow file that changes, replaces or adds the step. A member a
/// change removed is mapped to the removal, so a problem about its absence points there.
/// </summary>
internal sealed class TemplateSourceMap(SourceLocation root) : SourceMap
{
    private readonly Dictionary<string, SourceLocation> _written = new(StringComparer.Ordinal);

    /// <summary>Records that <paramref name="node"/>, at <paramref name="path"/>, and everything in it were copied from <paramref name="sourcePath"/> of <paramref name="from"/>'s file.</summary>
    public void Copied(string path, JsonNode? node, ProblemReport from, string sourcePath)
    {
        _written[path] = from.Locate(sourcePath);
        switch (node)
        {
            case JsonObject members:
                foreach (var (name, value) in members)
                {
                    Copied(JsonPaths.Member(path, name), value, from, JsonPaths.Member(sourcePath, name));
                }

                break;
            case JsonArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    Copied(JsonPaths.Item(path, i), items[i], from, JsonPaths.Item(sourcePath, i));
                }

                break;
        }
    }

    /// <summary>Records the place only, for an object whose members are recorded one by one.</summary>
    public void Placed(string path, ProblemReport from, string sourcePath) => _written[path] = from.Locate(sourcePath);

    public override SourceLocation? Find(string path) => _written.TryGetValue(path, out var location) ? location : null;

    /// <summary>Where the value was written; a path the definition does not have is put at the start of the workflow file.</summary>
    public override SourceLocation Locate(string path) => Find(path) ?? root;

    /// <summary>The path where the value was written and its file, which need not be the one the problem is reported in.</summary>
    public override string Show(string path)
    {
        var location = Locate(path);
        return $"{location.Path} in {location.File.Name}";
    }
}
