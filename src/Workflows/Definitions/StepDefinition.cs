namespace MlaFlow.Workflows.Definitions;

/// <summary>A step of a workflow; <see cref="Outcomes"/> maps each way out of it to the next step's id.</summary>
public abstract record StepDefinition(string Id, IReadOnlyDictionary<string, string> Outcomes)
{
    /// <summary>The step type's name as written in definitions (<c>task</c>, <c>send</c>, …).</summary>
    public abstract string Type { get; }
}
