using System.Text.Json.Nodes;

namespace MlaFlow.Workflows.Definitions;

/// <summary>
/// Runs C# code of the plugin (an <c>ICustomStep</c> named <see cref="Handler"/>) and leaves through the outcome
/// it returns. The loader has checked that the handler exists and that <paramref name="Outcomes"/> maps every outcome
/// it declares and no other.
/// </summary>
/// <param name="Id">The step's id.</param>
/// <param name="Handler">The <c>ICustomStep.Name</c> of the code that runs the step.</param>
/// <param name="Settings">
/// The step's <c>settings</c> as written; empty when it has none. The definition is shared by every request that
/// runs it, so the engine hands each run a deep copy and nothing may change this object.
/// </param>
/// <param name="Outcomes">Each outcome the handler may return, mapped to the next step's id.</param>
public sealed record CustomStep(string Id, string Handler, JsonObject Settings, IReadOnlyDictionary<string, string> Outcomes)
    : StepDefinition(Id, Outcomes)
{
    public override string Type => "custom";
}
