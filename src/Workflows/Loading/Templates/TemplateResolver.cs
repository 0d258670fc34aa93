using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlaFlow.Workflows.Loading.Templates;

/// <summary>
/// Puts together the definition a workflow file based on a template stands for (docs/workflows.md, "Templates"): the
/// template's, with the file's version, its title if it gives one, and its <see cref="StepChanges"/>. The result is read as
/// any definition is, through the <see cref="TemplateSourceMap"/> built with it, so that every problem — in the template
/// or in the file — is reported at the file and line where it is written.
/// </summary>
internal sealed class TemplateResolver(WorkflowTemplates templates, int maxDepth)
{
    public const string Member = "template";

    private static readonly string[] Members = [Member, "version", "title", "change", "replace", "add", "remove"];

    /// <summary>The members a definition takes from its template alone.</summary>
    private static readonly string[] FromTemplate = ["side", "kind", "start"];

    private readonly Suggestions _suggestions = new();

    public static bool IsBasedOnTemplate(JsonElement root) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(Member, out _);

    /// <summary>The definition <paramref name="root"/> stands for and where its parts were written; null when there is no template to read (reported).</summary>
    public (JsonObject Definition, TemplateSourceMap Map)? Resolve(JsonElement root, ProblemReport problems)
    {
        var file = ObjectReader.Of(root, JsonPaths.Root, problems, "a workflow based on a template")!;
        file.RejectUnknown("a workflow based on a template", Members);
        var written = file.String(Member, missingHint: null, TemplateReference.Problem, maxLength: 80);
        var changes = StepChanges.Read(file);
        if (written is null || TemplateReference.Parse(written) is not { } reference || Find(reference, file) is not { } found)
        {
            return null;
        }

        using var document = JsonFileReader.Parse(found.Name, found.Json, maxDepth, problems, out var templateProblems);
        if (document is null || ObjectReader.Of(document.RootElement, JsonPaths.Root, templateProblems, "a workflow definition") is not { } template)
        {
            return null;
        }

        CheckTemplate(template, reference);
        var map = new TemplateSourceMap(problems.Locate(JsonPaths.Root));
        map.Placed(JsonPaths.Root, problems, JsonPaths.Root);
        var definition = new JsonObject();
        foreach (var member in template.Element.EnumerateObject().Where(m => m.Name is not (Member or "version" or "title" or "steps")))
        {
            Copy(definition, member.Name, template, map);
        }

        foreach (var absent in FromTemplate.Where(m => !template.Has(m)))
        {
            // Missing from the template: reported there, not at the workflow file, which cannot give it.
            map.Placed(JsonPaths.Member(JsonPaths.Root, absent), templateProblems, template.PathOf(absent));
        }

        if (file.Has("version"))
        {
            Copy(definition, "version", file, map);
        }

        var titled = file.Has("title") ? file : template;
        if (titled.Has("title"))
        {
            Copy(definition, "title", titled, map);
        }

        switch (template.Member("steps", missingHint: null))
        {
            case { ValueKind: JsonValueKind.Array } steps:
                definition["steps"] = Steps(steps, template, changes, file, map);
                break;
            case not null:
                // Not a list: the definition reader says so, at the template's line; no step of it can be changed.
                Copy(definition, "steps", template, map);
                break;
        }

        return (definition, map);
    }

    private (string Name, string Json)? Find(TemplateReference reference, ObjectReader file)
    {
        var path = file.PathOf(Member);
        if (templates.Unavailable is { } why)
        {
            file.Problems.Add(path, $"No template {Quote.Of(reference.ToString())}: {why}.");
            return null;
        }

        if (templates.Find(reference) is { } found)
        {
            return found;
        }

        file.Problems.Add(path, $"No template {Quote.Of(reference.ToString())} in {templates.ShownAs}.{_suggestions.For(reference.ToString(), templates.References().Order(StringComparer.Ordinal))} " +
            $"A template is a file <name>.v<version>.json in the {templates.ShownAs} folder beside the plugins.");
        return null;
    }

    /// <summary>A template is a whole definition of its own version; one built on another would make its steps depend on two files.</summary>
    private static void CheckTemplate(ObjectReader template, TemplateReference reference)
    {
        if (template.Has(Member))
        {
            template.Problems.Add(template.PathOf(Member), "A template is a whole definition and is not itself based on a template; copy the steps it needs.");
        }

        if (template.Integer("version", 1, 9999, $"the template's version, {reference.Version} as its file name says") is { } version && version != reference.Version)
        {
            template.Problems.Add(template.PathOf("version"), $"The file is {reference.FileName}, so the template is version {reference.Version}, not {version}.");
        }
    }

    private JsonArray Steps(JsonElement steps, ObjectReader template, StepChanges changes, ObjectReader file, TemplateSourceMap map)
    {
        var (problems, templateProblems) = (file.Problems, template.Problems);
        var stepsPath = template.PathOf("steps");
        var own = steps.EnumerateArray().Select((step, i) => (Step: step, Path: JsonPaths.Item(stepsPath, i), Id: Id(step))).ToList();
        var ids = own.Select(s => s.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        changes.Check(ids, problems, _suggestions);

        var resolved = new JsonArray();
        map.Placed(stepsPath, templateProblems, stepsPath);
        foreach (var (step, path, id) in own.Where(s => s.Id is null || !changes.Removes(s.Id)))
        {
            var at = JsonPaths.Item(stepsPath, resolved.Count);
            if (id is not null && changes.Replacement(id) is { } replacement)
            {
                Add(resolved, at, replacement.Step, map, problems, replacement.Path);
            }
            else if (id is not null && changes.Change(id) is { } change)
            {
                resolved.Add(Changed(at, step, path, change, templateProblems, map));
            }
            else
            {
                Add(resolved, at, step, map, templateProblems, path);
            }
        }

        foreach (var (step, path) in changes.Additions(ids))
        {
            Add(resolved, JsonPaths.Item(stepsPath, resolved.Count), step, map, problems, path);
        }

        return resolved;
    }

    /// <summary>The template's step with each member the change gives put in its place (or taken out, for null), each member mapped to the file it now comes from.</summary>
    private static JsonObject Changed(string at, JsonElement step, string path, ObjectReader change, ProblemReport templateProblems, TemplateSourceMap map)
    {
        var changed = Clone(step)!.AsObject();
        map.Placed(at, templateProblems, path);
        foreach (var member in change.Element.EnumerateObject().Where(m => !StepChanges.Kept.Contains(m.Name)))
        {
            if (member.Value.ValueKind == JsonValueKind.Null)
            {
                changed.Remove(member.Name);
                map.Placed(JsonPaths.Member(at, member.Name), change.Problems, change.PathOf(member.Name));
            }
            else
            {
                changed[member.Name] = Clone(member.Value);
            }
        }

        foreach (var (name, value) in changed)
        {
            var (from, source) = change.Has(name) ? (change.Problems, change.PathOf(name)) : (templateProblems, JsonPaths.Member(path, name));
            map.Copied(JsonPaths.Member(at, name), value, from, source);
        }

        return changed;
    }

    /// <summary>Copies the member <paramref name="name"/> of the template's or the file's top level into the definition.</summary>
    private static void Copy(JsonObject definition, string name, ObjectReader from, TemplateSourceMap map)
    {
        var copy = Clone(from.Element.GetProperty(name));
        definition[name] = copy;
        map.Copied(JsonPaths.Member(JsonPaths.Root, name), copy, from.Problems, from.PathOf(name));
    }

    private static void Add(JsonArray steps, string at, JsonElement step, TemplateSourceMap map, ProblemReport from, string source)
    {
        var copy = Clone(step);
        steps.Add(copy);
        map.Copied(at, copy, from, source);
    }

    private static JsonNode? Clone(JsonElement value) => JsonNode.Parse(value.GetRawText());

    private static string? Id(JsonElement step) =>
        step.ValueKind == JsonValueKind.Object && step.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
}
