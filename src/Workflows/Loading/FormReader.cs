using System.Text.Json;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Workflows.Loading;

/// <summary>
/// Reads a task's <c>form</c>: the fields its completion must carry, which conditions can then name as
/// <c>form.&lt;step id&gt;.&lt;field&gt;</c>; a field may be required for some of the task's outcomes only (<c>requiredFor</c>).
/// </summary>
internal static class FormReader
{
    public const int MaxTextLength = 10_000;

    private const string FieldExample = "{ \"name\": \"registrationNumber\", \"type\": \"text\" }";
    private const string RequiredForExample = "[\"refuse\"]";
    private static readonly string[] Members = ["name", "type", "required", "requiredFor", "maxLength", "options"];

    /// <summary>The fields (none when there is no form), or null when any of them is wrong.</summary>
    /// <param name="task">The task step.</param>
    /// <param name="outcomes">The task's outcomes, which <c>requiredFor</c> names; null when they could not be read (then not checked).</param>
    /// <param name="deadlineOutcome">The outcome the task's deadline leaves through, which no one completes it with.</param>
    public static IReadOnlyList<FormField>? Read(ObjectReader task, OutcomeMap? outcomes, string? deadlineOutcome)
    {
        if (task.Array("form", "a list of fields such as " + FieldExample, missingHint: null) is not { } items)
        {
            return task.Has("form") ? null : [];
        }

        var fields = new List<FormField>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var allRead = true;
        foreach (var (item, path) in items)
        {
            var field = Field(item, path, task.Problems, seen, new Completions(outcomes, deadlineOutcome));
            allRead &= field is not null;
            if (field is not null)
            {
                fields.Add(field);
            }
        }

        return allRead ? fields : null;
    }

    private static FormField? Field(JsonElement item, string path, ProblemReport problems, Dictionary<string, string> seen, Completions completions)
    {
        if (ObjectReader.Of(item, path, problems, "a form field such as " + FieldExample) is not { } field)
        {
            return null;
        }

        field.RejectUnknown("a form field", Members);
        var name = field.String("name", "the field's name, e.g. \"registrationNumber\"", Names.FieldNameProblem, maxLength: 64);
        if (name is not null && !seen.TryAdd(name, path))
        {
            problems.Add(field.PathOf("name"), $"Field {Quote.Of(name)} is already in this form at {problems.Show(seen[name])}; field names must be unique.");
            name = null;
        }

        var type = field.Enum<FormFieldType>("type", "field type", $"the field's type, one of {Quote.List(EnumNames<FormFieldType>.All)}");
        var required = field.Boolean("required");
        var requiredFor = RequiredFor(field, required == true, completions);
        var maxLength = MaxLength(field, type);
        var options = Options(field, type);

        var allRead = name is not null && type is not null && (required is not null || !field.Has("required"))
            && (requiredFor is not null || !field.Has("requiredFor"))
            && (maxLength is not null || !field.Has("maxLength")) && (options is not null || type != FormFieldType.Choice);
        return allRead ? new FormField(name!, type!.Value, required ?? false, maxLength, options, requiredFor) : null;
    }

    /// <summary>The outcomes the field is required for, each one a person may complete the task with; null when absent or wrong.</summary>
    private static IReadOnlyList<string>? RequiredFor(ObjectReader field, bool required, Completions completions)
    {
        if (field.Array("requiredFor", $"a list of the task's outcomes, e.g. {RequiredForExample}", missingHint: null) is not { } items)
        {
            return null;
        }

        var path = field.PathOf("requiredFor");
        if (required)
        {
            field.Problems.Add(path, "A required field is required for every outcome already; remove requiredFor, or required.");
            return null;
        }

        if (items.Count == 0)
        {
            field.Problems.Add(path, $"List at least one outcome, e.g. {RequiredForExample}; for none, leave requiredFor out.");
            return null;
        }

        var outcomes = new List<string>();
        foreach (var (item, itemPath) in items)
        {
            var problem = item.ValueKind != JsonValueKind.String ? ObjectReader.MustBe("an outcome of the task", item)
                : outcomes.Contains(item.GetString()!, StringComparer.Ordinal) ? $"Outcome {Quote.Of(item.GetString()!)} is listed twice."
                : completions.Problem(item.GetString()!);
            if (problem is not null)
            {
                field.Problems.Add(itemPath, problem);
            }
            else
            {
                outcomes.Add(item.GetString()!);
            }
        }

        return outcomes.Count == items.Count ? outcomes : null;
    }

    private static int? MaxLength(ObjectReader field, FormFieldType? type)
    {
        if (!field.Has("maxLength"))
        {
            return null;
        }

        if (type is { } known && known != FormFieldType.Text)
        {
            field.Problems.Add(field.PathOf("maxLength"), $"Only a text field has a maxLength; remove it from this {EnumNames<FormFieldType>.NameOf(known)} field.");
            return null;
        }

        return field.Integer("maxLength", 1, MaxTextLength, missingHint: null);
    }

    private static IReadOnlyList<string>? Options(ObjectReader field, FormFieldType? type)
    {
        if (type is { } known && known != FormFieldType.Choice)
        {
            if (field.Has("options"))
            {
                field.Problems.Add(field.PathOf("options"), $"Only a choice field has options; remove them from this {EnumNames<FormFieldType>.NameOf(known)} field.");
            }

            return null;
        }

        var missingHint = type is null ? null : "a choice field lists the values it may take, e.g. [\"granted\", \"refused\"]";
        if (field.Array("options", "a list of strings", missingHint) is not { } items)
        {
            return null;
        }

        if (items.Count == 0)
        {
            field.Problems.Add(field.PathOf("options"), "List at least one option.");
            return null;
        }

        var options = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, path) in items)
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                field.Problems.Add(path, item.ValueKind == JsonValueKind.String ? "Must not be empty." : ObjectReader.MustBe("a string", item));
            }
            else if (!seen.Add(item.GetString()!))
            {
                field.Problems.Add(path, $"Option {Quote.Of(item.GetString()!)} is listed twice.");
            }
            else
            {
                options.Add(item.GetString()!);
            }
        }

        return options.Count == items.Count ? options : null;
    }

    /// <summary>The outcomes a person may complete the task with: all of its outcomes but its deadline's, which the clock takes.</summary>
    private sealed class Completions(OutcomeMap? outcomes, string? deadlineOutcome)
    {
        private readonly Suggestions _suggestions = new();

        public string? Problem(string outcome)
        {
            if (outcomes is null || (outcomes.Contains(outcome) && outcome != deadlineOutcome))
            {
                // With the outcomes unread (reported already), which names are right is unknown.
                return null;
            }

            var chosen = outcomes.Names.Where(n => n != deadlineOutcome).ToList();
            return outcome == deadlineOutcome
                ? $"{Quote.Of(outcome)} is the outcome of the task's deadline, which no one completes it with; requiredFor names outcomes a person chooses: {Quote.List(chosen)}."
                : $"The task has no outcome {Quote.Of(outcome)}; requiredFor names outcomes it is completed with: {Quote.List(chosen)}.{_suggestions.For(outcome, chosen)}";
        }
    }
}
