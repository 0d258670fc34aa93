namespace MlaFlow.Workflows.Execution;

/// <summary>The form data given to complete a task breaks its form's rules; every problem by field name. Nothing changed.</summary>
public sealed class FormValidationException(IReadOnlyDictionary<string, string> errors)
    : Exception("The form is not valid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value}")))
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;
}
