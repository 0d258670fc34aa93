namespace MlaFlow.Plugins.Tests;

/// <summary>
/// A small valid plugin written to a temporary folder (Laos, evidence on reciprocity), which a test then
/// breaks in one place. Deleted on dispose.
/// </summary>
internal sealed class PluginFolder : IDisposable
{
    public const string Manifest = """
        {
          "id": "la",
          "country": "LA",
          "name": "Lao People's Democratic Republic",
          "version": "1.0.0",
          "sdkVersion": 1,
          "timeZone": "Asia/Vientiane",
          "holidays": { "note": "Test data.", "dates": ["2026-01-01"] },
          "authorities": [ { "id": "LA-OSPP", "name": "Office of the Supreme People's Prosecutor", "languages": ["lo", "en"] } ],
          "requestLanguages": ["lo", "en"],
          "legalBases": [],
          "reciprocity": { "kinds": ["evidence"] },
          "facts": { "extraditesNationals": false }
        }
        """;

    public const string Requested = """
        {
          "side": "requested",
          "kind": "evidence",
          "version": 1,
          "title": "Incoming request for evidence",
          "start": "check",
          "steps": [
            { "id": "check", "type": "task", "role": "officer", "outcomes": { "done": "end" } },
            { "id": "end", "type": "end", "status": "executed" }
          ]
        }
        """;

    public const string Form = """
        {
          "kind": "evidence",
          "rules": [
            { "id": "measure", "message": "Name at least one measure.", "require": { "field": "request.measures.type", "op": "exists" } }
          ]
        }
        """;

    public PluginFolder()
    {
        Root = Directory.CreateTempSubdirectory("mlaflow-plugin-").FullName;
        Path = System.IO.Path.Combine(Root, "la");
        Write("plugin.json", Manifest);
        Write("workflows/requested-evidence.v1.json", Requested);
        Write("workflows/requesting-evidence.v1.json", Requested.Replace("\"side\": \"requested\"", "\"side\": \"requesting\"", StringComparison.Ordinal));
        Write("forms/evidence.json", Form);
    }

    public string Root { get; }

    public string Path { get; }

    public void Write(string relative, string text)
    {
        var file = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
    }

    /// <summary>Writes a workflow template into the templates folder beside the plugin.</summary>
    public void WriteTemplate(string file, string text)
    {
        var templates = System.IO.Path.Combine(Root, "templates");
        Directory.CreateDirectory(templates);
        File.WriteAllText(System.IO.Path.Combine(templates, file), text);
    }

    public void Delete(string relative) => File.Delete(System.IO.Path.Combine(Path, relative));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
