namespace MlaFlow.Workflows.Loading.Templates;

/// <summary>
/// The templates workflow files may be based on (docs/workflows.md, "Templates"): shared definitions, one file per name
/// and version (<c>requested-evidence.v1.json</c>), each found by the exact name and version a workflow file gives. A
/// version is not edited once requests run on it: a change to a template is a new version of it, which a plugin takes up
/// with a new version of its own workflow, so requests already running keep the procedure they started on.
/// </summary>
public sealed class WorkflowTemplates
{
    /// <summary>More template files than a folder may hold; a few per kind of request is plenty.</summary>
    public const int MaxFiles = 200;

    private readonly Func<string, string?> _read;
    private readonly Func<IEnumerable<string>> _files;

    private WorkflowTemplates(string shownAs, string? unavailable, Func<string, string?> read, Func<IEnumerable<string>> files)
    {
        ShownAs = shownAs;
        Unavailable = unavailable;
        _read = read;
        _files = files;
    }

    /// <summary>No templates: a workflow file based on one is refused, saying that none are available.</summary>
    public static WorkflowTemplates None { get; } = new("templates", "no templates are available to this workflow", _ => null, () => []);

    /// <summary>How problems name the folder, e.g. <c>templates</c> in <c>templates/requested-evidence.v1.json:12</c>.</summary>
    public string ShownAs { get; }

    /// <summary>Why no template can be found at all, or null when there is a folder of them.</summary>
    internal string? Unavailable { get; }

    /// <summary>The templates in <paramref name="folder"/>, which problems name as <c>&lt;shownAs&gt;/&lt;file&gt;</c>; none when the folder does not exist.</summary>
    public static WorkflowTemplates InFolder(string folder, string shownAs)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(shownAs);
        if (!Directory.Exists(folder))
        {
            return new WorkflowTemplates(shownAs, $"there is no {shownAs} folder beside the plugins", _ => null, () => []);
        }

        return new WorkflowTemplates(shownAs, null,
            file => File.Exists(Path.Combine(folder, file)) ? File.ReadAllText(Path.Combine(folder, file)) : null,
            () => Directory.EnumerateFiles(folder, "*.json").Select(f => Path.GetFileName(f)!).Take(MaxFiles));
    }

    /// <summary>Templates given as text by file name (<c>requested-evidence.v1.json</c>), e.g. for tests.</summary>
    public static WorkflowTemplates Of(string shownAs, IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(shownAs);
        ArgumentNullException.ThrowIfNull(files);
        return new WorkflowTemplates(shownAs, null, files.GetValueOrDefault, () => files.Keys);
    }

    /// <summary>The template's file: its name as problems show it, and its text; null when there is none.</summary>
    internal (string Name, string Json)? Find(TemplateReference reference) =>
        _read(reference.FileName) is { } json ? ($"{ShownAs}/{reference.FileName}", json) : null;

    /// <summary>Every template there by name and version (<c>requested-evidence.v1</c>), for suggestions.</summary>
    internal IEnumerable<string> References() =>
        _files().Select(f => TemplateReference.Parse(Path.GetFileNameWithoutExtension(f))).OfType<TemplateReference>().Select(r => r.ToString());
}
