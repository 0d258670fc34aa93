using System.Text.Json;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Workflows.Loading;

/// <summary>Reads a task's <c>form</c>: the fields its completion must carry, which conditions can then name as <c>form.&lt;step id&gt;.&lt;field&gt;</c>.</summary>
internal static class FormReader
{
    public const int MaxTextLength = 10_000;

    private const string FieldExample = "{ \"name\": \"registrationNumber\", \"type\": \"text\" }";
    private static readonly string[] Members = ["name", "type", "required", "maxLength", "options"];

    /// <summary>The fields (none when there is no form), or null when any of them is wrong.</summary>
    public static IReadOnlyList<FormField>? Read(ObjectReader task)
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
            var field = Field(item, path, task.Problems, seen);
            allRead &= field is not null;
            if (field is not null)
            {
                fields.Add(field);
            }
        }

        return allRead ? fields : null;
    }

    private static FormField? Field(JsonElement item, string path, ProblemReport problems, Dictionary<string, string> seen)
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
        var maxLength = MaxLength(field, type);
        var options = Options(field, type);

        var allRead = name is not null && type is not null && (required is not null || !field.Has("required"))
            && (maxLength is not null || !field.Has("maxLength")) && (options is not null || type != FormFieldType.Choice);
        return allRead ? new FormField(name!, type!.Value, required ?? false, maxLength, options) : null;
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
}
