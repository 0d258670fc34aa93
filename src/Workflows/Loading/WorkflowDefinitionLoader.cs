using System.Text.Json;
using MlaFlow.Plugins.Sdk.Extensions;
using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Loading.Templates;

namespace MlaFlow.Workflows.Loading;

/// <summary>
/// Loads one workflow definition file (docs/workflows.md) and checks it completely, so a plugin author
/// sees every mistake in one run, each as <c>file:line: $.path: message</c>. A definition is used only
/// when it has no problem at all: a half-understood procedure must not run on a live request.
/// </summary>
public static class WorkflowDefinitionLoader
{
    /// <summary>Files above this size are refused unread (1 MiB; real definitions are a few KiB).</summary>
    public const int MaxBytes = JsonFileReader.MaxBytes;

    /// <summary>Deepest nesting of objects and arrays read; a definition needs about ten, conditions included.</summary>
    public const int MaxDepth = 32;

    public const int MaxSteps = DefinitionReader.MaxSteps;

    /// <summary>Largest <c>settings</c> of a custom step: 16 KiB of JSON as written in the file (they are copied for every run).</summary>
    public const int MaxSettingsBytes = CustomStepReader.MaxSettingsBytes;

    /// <summary>
    /// Reads <paramref name="json"/> as a workflow definition, or as one based on a template of <paramref name="templates"/>
    /// (docs/workflows.md, "Templates"). Bad input never throws: it is reported in the result.
    /// </summary>
    /// <param name="fileName">How problems name the file, e.g. <c>requested-evidence.v1.json</c>.</param>
    /// <param name="json">The file's text; at most <see cref="MaxBytes"/> bytes as UTF-8 and <see cref="MaxDepth"/> levels deep.</param>
    /// <param name="facts">The facts conditions may name; the definition's own form fields are added to it.</param>
    /// <param name="customSteps">
    /// The handlers the plugin's assembly provides, which <c>custom</c> steps may name; null or empty when it provides none
    /// (a custom step is then refused, saying where handlers come from).
    /// </param>
    /// <param name="templates">The templates a file may be based on; none when null.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="customSteps"/> holds null, a handler without a name or outcome list, or two handlers of the same name:
    /// which code a step would run must never be in doubt.
    /// </exception>
    public static DefinitionLoadResult Load(
        string fileName, string json, FactCatalog facts, IReadOnlyCollection<ICustomStep>? customSteps = null, WorkflowTemplates? templates = null)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(facts);
        var handlers = Checked(customSteps);

        var (definition, problems) = JsonFileReader.Read(fileName, json, MaxDepth,
            (root, report) => Read(root, report, templates ?? WorkflowTemplates.None, r => new DefinitionReader(r, facts, handlers)));
        return new DefinitionLoadResult(definition, problems);
    }

    private static WorkflowDefinition? Read(JsonElement root, ProblemReport report, WorkflowTemplates templates, Func<ProblemReport, DefinitionReader> reader)
    {
        if (!TemplateResolver.IsBasedOnTemplate(root))
        {
            return reader(report).Read(root);
        }

        if (new TemplateResolver(templates, MaxDepth).Resolve(root, report) is not { } resolved)
        {
            return null;
        }

        using var document = JsonSerializer.SerializeToDocument(resolved.Definition);
        return reader(report.Through(resolved.Map)).Read(document.RootElement);
    }

    private static List<ICustomStep> Checked(IReadOnlyCollection<ICustomStep>? customSteps)
    {
        List<ICustomStep> handlers = [.. customSteps ?? []];
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            if (handler?.Name is not { } name || handler.Outcomes is null)
            {
                throw new ArgumentException("Every custom step handler must be given, with a name and a list of outcomes.", nameof(customSteps));
            }

            if (!names.Add(name))
            {
                throw new ArgumentException($"Two custom step handlers are named '{name}'; handler names must be unique.", nameof(customSteps));
            }
        }

        return handlers;
    }
}
