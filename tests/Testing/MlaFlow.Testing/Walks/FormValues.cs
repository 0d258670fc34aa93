using System.Text.Json.Nodes;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Execution;

namespace MlaFlow.Testing.Walks;

/// <summary>
/// Form data a task accepts: a valid value for every field, and for the fields decisions read, every value
/// worth trying (each option of a choice, both booleans, the literals conditions compare with, and leaving out a
/// field the outcome does not require, since a decision's <c>otherwise</c> is often reached that way).
/// </summary>
public static class FormValues
{
    private const string SampleText = "Walk";

    /// <summary>A value <see cref="FormValidator"/> accepts for <paramref name="field"/>.</summary>
    public static JsonNode Default(FormField field) => field.Type switch
    {
        FormFieldType.Text => SampleText[..Math.Min(SampleText.Length, field.MaxLength ?? SampleText.Length)],
        FormFieldType.Number => 1,
        FormFieldType.Date => "2026-03-02",
        FormFieldType.Boolean => true,
        FormFieldType.Choice => field.Options![0],
        _ => throw new NotSupportedException($"No sample value for a {field.Type} field."),
    };

    /// <summary>The values to try for a field a decision reads, completing the task with <paramref name="outcome"/>; <see langword="null"/> stands for leaving it out.</summary>
    public static IReadOnlyList<JsonNode?> Candidates(FormField field, IEnumerable<JsonNode> comparedWith, string outcome)
    {
        IEnumerable<JsonNode> values = field.Type switch
        {
            FormFieldType.Choice => field.Options!.Select(o => (JsonNode)o),
            FormFieldType.Boolean => [true, false],
            _ => [Default(field), .. comparedWith.Select(v => v.DeepClone()).Where(v => Accepts(field, v, outcome))],
        };
        var distinct = values.DistinctBy(v => v.ToJsonString()).ToList<JsonNode?>();
        return field.IsRequiredFor(outcome) ? distinct : [.. distinct, null];
    }

    /// <summary>Every field filled with its default, except those in <paramref name="chosen"/> (a null choice leaves the field out).</summary>
    public static JsonObject Fill(IReadOnlyList<FormField> form, IReadOnlyDictionary<string, JsonNode?> chosen)
    {
        var data = new JsonObject();
        foreach (var field in form)
        {
            var value = chosen.TryGetValue(field.Name, out var choice) ? choice?.DeepClone() : Default(field);
            if (value is not null)
            {
                data[field.Name] = value;
            }
        }

        return data;
    }

    private static bool Accepts(FormField field, JsonNode value, string outcome)
    {
        try
        {
            FormValidator.Validate([field], new JsonObject { [field.Name] = value.DeepClone() }, outcome);
            return true;
        }
        catch (FormValidationException)
        {
            return false;
        }
    }
}
