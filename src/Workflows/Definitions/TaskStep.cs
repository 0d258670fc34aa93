using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Workflows.Definitions;

/// <summary>A human task for a role, completed with one of its outcomes and the fields of its form.</summary>
public sealed record TaskStep(
    string Id, string Role, string Title, IReadOnlyList<FormField> Form, DeadlineDefinition? Deadline, IReadOnlyDictionary<string, string> Outcomes)
    : StepDefinition(Id, Outcomes)
{
    /// <summary>The roles a task may be given to.</summary>
    public static IReadOnlyList<string> Roles { get; } = ["officer", "prosecutor", "executing"];

    public override string Type => "task";
}
