using Orleans;

namespace MlaFlow.Grains.Requests;

/// <summary>The form a task was completed with breaks the task's form: every problem, keyed by field name. Nothing changed.</summary>
[GenerateSerializer]
public sealed class FormRejectedException : Exception
{
    public FormRejectedException(IReadOnlyDictionary<string, string> errors)
        : base("The form does not fit the task: " + string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value}"))) => Errors = errors;

    [Id(0)]
    public IReadOnlyDictionary<string, string> Errors { get; private set; }
}
