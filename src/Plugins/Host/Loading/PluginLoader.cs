using System.Text.Json;
using System.Text.RegularExpressions;
using MlaFlow.Plugins.Host.Code;
using MlaFlow.Plugins.Host.Forms;
using MlaFlow.Plugins.Host.Manifest;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Plugins.Sdk.Extensions;
using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Loading;
using MlaFlow.Workflows.Loading.Templates;

namespace MlaFlow.Plugins.Host.Loading;

/// <summary>
/// Loads one plugin folder (docs/plugins.md) and checks all of it: manifest, every workflow file, every
/// form, and that they agree (file names, one procedure per side for every kind the state handles).
/// A plugin with any problem is refused whole, its assembly unloaded: half a procedure must not run on a live request.
/// </summary>
public static partial class PluginLoader
{
    public const string ManifestFile = "plugin.json";
    public const string WorkflowsFolder = "workflows";
    public const string FormsFolder = "forms";

    /// <summary>The folder beside the plugins that holds the workflow templates they may be based on (docs/workflows.md, "Templates").</summary>
    public const string TemplatesFolder = "templates";
    private const int MaxFiles = 200;

    /// <summary>
    /// Loads the plugin in <paramref name="folder"/>, its workflows based on the templates in <see cref="TemplatesFolder"/> beside it;
    /// problems name files relative to the folder's parent (<c>th/plugin.json</c>, <c>templates/requested-evidence.v1.json</c>).
    /// </summary>
    public static PluginLoadResult Load(string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var name = Path.GetFileName(full);
        var problems = new List<DefinitionProblem>();
        var manifest = ReadFile(folder, name, ManifestFile, problems, (root, report) => ManifestReader.Read(root, report));
        if (manifest is null)
        {
            return new PluginLoadResult(folder, null, problems);
        }

        if (LoadCode(folder, name, manifest, problems) is not { } code)
        {
            // The workflows' custom steps are checked against what the code provides: without it, each would only repeat that it is missing.
            return new PluginLoadResult(folder, null, problems);
        }

        var facts = new FactCatalog(manifest.Facts.Keys);
        var templates = WorkflowTemplates.InFolder(Path.Combine(Path.GetDirectoryName(full)!, TemplatesFolder), TemplatesFolder);
        var workflows = LoadWorkflows(folder, name, facts, code.Steps.Values.ToList(), templates, problems);
        var forms = LoadForms(folder, name, facts, problems);
        var plugin = new CountryPlugin(manifest, folder, workflows, forms) { Code = code };
        CheckCompleteness(plugin, name, problems);
        if (problems.Count == 0)
        {
            return new PluginLoadResult(folder, plugin, []);
        }

        code.Dispose();
        return new PluginLoadResult(folder, null, problems);
    }

    // The code loads before the workflows: their custom steps are checked against the handlers it provides.
    private static PluginCode? LoadCode(string folder, string name, PluginManifest manifest, List<DefinitionProblem> problems)
    {
        if (manifest.Assembly is not { } entry)
        {
            return PluginCode.None;
        }

        var (code, found) = PluginCodeLoader.Load(folder, manifest, entry);
        if (found.Count > 0)
        {
            // Read the manifest again only to put each problem on its line.
            var (_, located) = JsonFileReader.Read<object>($"{name}/{ManifestFile}", File.ReadAllText(Path.Combine(folder, ManifestFile)), WorkflowDefinitionLoader.MaxDepth, (_, report) =>
            {
                foreach (var (path, message) in found)
                {
                    report.Add(path, message);
                }

                return null;
            });
            problems.AddRange(located);
        }

        return code;
    }

    private static List<WorkflowDefinition> LoadWorkflows(
        string folder, string name, FactCatalog facts, IReadOnlyCollection<ICustomStep> customSteps, WorkflowTemplates templates, List<DefinitionProblem> problems)
    {
        var definitions = new List<WorkflowDefinition>();
        foreach (var file in JsonFiles(folder, WorkflowsFolder, name, problems))
        {
            var relative = $"{name}/{WorkflowsFolder}/{Path.GetFileName(file)}";
            var result = WorkflowDefinitionLoader.Load(relative, File.ReadAllText(file), facts, customSteps, templates);
            problems.AddRange(result.Problems);
            if (result.Definition is not { } definition)
            {
                continue;
            }

            var expected = $"{Names.Side(definition.Side)}-{Names.Kind(definition.Kind)}.v{definition.Version}.json";
            if (Path.GetFileName(file) != expected)
            {
                problems.Add(new DefinitionProblem(relative, 1, "$", $"The file defines {Names.Side(definition.Side)} {Names.Kind(definition.Kind)} version {definition.Version}, so it must be named {expected}."));
                continue;
            }

            definitions.Add(definition);
        }

        return definitions;
    }

    private static Dictionary<RequestKind, RequestForm> LoadForms(string folder, string name, FactCatalog facts, List<DefinitionProblem> problems)
    {
        var forms = new Dictionary<RequestKind, RequestForm>();
        foreach (var file in JsonFiles(folder, FormsFolder, name, problems))
        {
            var relative = $"{FormsFolder}/{Path.GetFileName(file)}";
            if (ReadFile(folder, name, relative, problems, (root, report) => RequestFormReader.Read(root, report, facts)) is not { } form)
            {
                continue;
            }

            var expected = $"{Names.Kind(form.Kind)}.json";
            if (Path.GetFileName(file) != expected)
            {
                problems.Add(new DefinitionProblem($"{name}/{relative}", 1, "$.kind", $"The form is for {Names.Kind(form.Kind)} requests, so it must be named {expected}."));
                continue;
            }

            forms[form.Kind] = form;
        }

        return forms;
    }

    // A state that handles a kind of request needs its procedure on both sides and the form requests to it must meet.
    private static void CheckCompleteness(CountryPlugin plugin, string name, List<DefinitionProblem> problems)
    {
        foreach (var kind in plugin.Kinds.Order())
        {
            foreach (var side in Enum.GetValues<WorkflowSide>())
            {
                if (plugin.Latest(side, kind) is null && !Present(plugin.Folder, WorkflowsFolder, $"{Names.Side(side)}-{Names.Kind(kind)}.v"))
                {
                    problems.Add(new DefinitionProblem($"{name}/{WorkflowsFolder}", 0, "$",
                        $"The state handles {Names.Kind(kind)} requests but has no {WorkflowsFolder}/{Names.Side(side)}-{Names.Kind(kind)}.v1.json."));
                }
            }

            if (!plugin.Forms.ContainsKey(kind) && !Present(plugin.Folder, FormsFolder, $"{Names.Kind(kind)}.json"))
            {
                problems.Add(new DefinitionProblem($"{name}/{FormsFolder}", 0, "$", $"The state handles {Names.Kind(kind)} requests but has no {FormsFolder}/{Names.Kind(kind)}.json."));
            }
        }
    }

    // A file that exists but failed to load has its own problems already; saying it is missing too would mislead.
    private static bool Present(string folder, string subfolder, string namePrefix) =>
        Directory.Exists(Path.Combine(folder, subfolder))
        && Directory.GetFiles(Path.Combine(folder, subfolder), "*.json").Any(f => Path.GetFileName(f).StartsWith(namePrefix, StringComparison.Ordinal));

    private static IEnumerable<string> JsonFiles(string folder, string subfolder, string name, List<DefinitionProblem> problems)
    {
        var path = Path.Combine(folder, subfolder);
        var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count > MaxFiles)
        {
            problems.Add(new DefinitionProblem($"{name}/{subfolder}", 0, "$", $"More than {MaxFiles} files; a plugin needs a few dozen."));
            return [];
        }

        return files;
    }

    private static TValue? ReadFile<TValue>(string folder, string name, string relative, List<DefinitionProblem> problems, Func<JsonElement, ProblemReport, TValue?> read)
        where TValue : class
    {
        var path = Path.Combine(folder, relative);
        if (!File.Exists(path))
        {
            problems.Add(new DefinitionProblem($"{name}/{relative}", 0, "$", "The file is missing."));
            return null;
        }

        var (value, found) = JsonFileReader.Read($"{name}/{relative}", File.ReadAllText(path), WorkflowDefinitionLoader.MaxDepth, read);
        problems.AddRange(found);
        return value;
    }
}
