using System.Text.Json;
using System.Text.Json.Nodes;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Workflows.Definitions;
using NodaTime.Text;

namespace MlaFlow.Workflows.Execution;

/// <summary>Checks the data a task is completed with against the task's form; reports every problem by field.</summary>
public static class FormValidator
{
    /// <param name="form">The task's form.</param>
    /// <param name="data">The fields given.</param>
    /// <param name="outcome">The outcome the task is completed with, which some fields are required for (a refusal's ground).</param>
    /// <exception cref="FormValidationException">A field is missing, unknown, or of the wrong type or length.</exception>
    public static void Validate(IReadOnlyList<FormField> form, JsonObject data, string outcome)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, _) in data.Where(p => form.All(f => f.Name != p.Key)))
        {
            errors[name] = "This task's form has no such field.";
        }

        foreach (var field in form)
        {
            var value = data[field.Name];
            if (value is null || value.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetValue<string>()))
            {
                if (field.Required)
                {
                    errors[field.Name] = "Required.";
                }
                else if (field.IsRequiredFor(outcome))
                {
                    errors[field.Name] = $"Required to complete the task with '{outcome}'.";
                }

                continue;
            }

            if (Problem(field, value) is { } problem)
            {
                errors[field.Name] = problem;
            }
        }

        if (errors.Count > 0)
        {
            throw new FormValidationException(errors);
        }
    }

    private static string? Problem(FormField field, JsonNode value)
    {
        var kind = value.GetValueKind();
        return field.Type switch
        {
            FormFieldType.Text when kind != JsonValueKind.String => "Text expected.",
            FormFieldType.Text when value.GetValue<string>().Length > (field.MaxLength ?? 4000) => $"At most {field.MaxLength ?? 4000} characters.",
            FormFieldType.Number when kind != JsonValueKind.Number => "A number expected.",
            FormFieldType.Boolean when kind is not (JsonValueKind.True or JsonValueKind.False) => "true or false expected.",
            FormFieldType.Date when kind != JsonValueKind.String || !LocalDatePattern.Iso.Parse(value.GetValue<string>()).Success => "A date YYYY-MM-DD expected.",
            FormFieldType.Choice when kind != JsonValueKind.String || !(field.Options ?? []).Contains(value.GetValue<string>()) =>
                $"One of {string.Join(", ", field.Options ?? [])} expected.",
            _ => null,
        };
    }
}
