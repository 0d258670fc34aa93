using System.Text.Json;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Plugins.Sdk.Extensions;
using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Workflows.Loading;

/// <summary>Reads the top level of a definition and its steps, then checks the steps as a graph.</summary>
internal sealed class DefinitionReader(ProblemReport problems, FactCatalog facts, IReadOnlyList<ICustomStep> customSteps)
{
    public const int MaxSteps = 500;

    private static readonly string[] Members = ["side", "kind", "version", "title", "start", "steps"];

    /// <summary>The definition, or null when anything is wrong (every problem is reported).</summary>
    public WorkflowDefinition? Read(JsonElement root)
    {
        if (ObjectReader.Of(root, JsonPaths.Root, problems, "an object with side, kind, version, title, start and steps") is not { } definition)
        {
            return null;
        }

        definition.RejectUnknown("a workflow definition", Members);
        var side = definition.Enum<WorkflowSide>("side", "side", $"the side the workflow runs for, one of {Quote.List(EnumNames<WorkflowSide>.All)}");
        var kind = definition.Enum<RequestKind>("kind", "request kind", $"the kind of request, one of {Quote.List(EnumNames<RequestKind>.All)}");
        var version = definition.Integer("version", 1, 9999, "the definition's version, 1 for the first");
        var title = definition.String("title", "a title for people, e.g. \"Incoming request for evidence\"");
        var start = definition.String("start", "the id of the first step", maxLength: 64);
        var steps = Steps(definition, start);
        if (problems.IsEmpty && steps is not null)
        {
            // Only a sound graph says where a refusal may be reached from.
            RefusalGrounds.Check(steps, definition.PathOf("steps"), problems);
        }

        // Graph problems leave every part readable, so the report decides; the model must never hold a broken graph.
        return problems.IsEmpty && side is not null && kind is not null && version is not null && title is not null && start is not null && steps is not null
            ? new WorkflowDefinition(side.Value, kind.Value, version.Value, title, start, steps)
            : null;
    }

    private List<StepDefinition>? Steps(ObjectReader definition, string? start)
    {
        var stepsPath = definition.PathOf("steps");
        if (definition.Array("steps", "a list of steps", "the list of steps, among them the start step and at least one end") is not { } items)
        {
            return null;
        }

        if (items.Count == 0)
        {
            problems.Add(stepsPath, "List at least one step.");
            return null;
        }

        if (items.Count > MaxSteps)
        {
            // Refused before reading any step, so a huge file costs no more than counting it.
            problems.Add(stepsPath, $"At most {MaxSteps} steps are allowed (got {items.Count}).");
            return null;
        }

        // Conditions may name the form fields of any task, before or after them in the file.
        var conditions = new ConditionReader(facts.WithFormFields(FormFields(items)), new Suggestions());
        var reader = new StepReader(conditions, new CustomStepReader(customSteps, new Suggestions()));
        var steps = items.Select(item => reader.Read(item.Item, item.Path, problems)).OfType<StepDefinition>().ToList();
        new GraphChecker(problems, new Suggestions()).Check(items, start, definition.PathOf("start"), stepsPath);
        return steps.Count == items.Count ? steps : null;
    }

    /// <summary>The (step id, field name) of every field of every task form, read leniently: mistakes in them are reported by the step reader.</summary>
    private static IEnumerable<(string StepId, string FieldName)> FormFields(IReadOnlyList<(JsonElement Item, string Path)> steps) =>
        from step in steps.Select(s => s.Item)
        where step.ValueKind == JsonValueKind.Object
              && Text(step, "type") == "task" && Text(step, "id") is not null
              && step.TryGetProperty("form", out var form) && form.ValueKind == JsonValueKind.Array
        from field in step.GetProperty("form").EnumerateArray()
        where field.ValueKind == JsonValueKind.Object && Text(field, "name") is not null
        select (Text(step, "id")!, Text(field, "name")!);

    private static string? Text(JsonElement element, string member) =>
        element.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
