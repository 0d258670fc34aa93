using MlaFlow.Plugins.Sdk.Extensions;
using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Loading;

namespace MlaFlow.Workflows.Tests.Loading;

/// <summary>Loads a sample the way a plugin's definitions are loaded, with one declared plugin fact.</summary>
internal static class Load
{
    public static FactCatalog Facts { get; } = new(["treatyInForce"]);

    /// <summary>Every problem as the author reads it: <c>file:line: path: message</c>, with <paramref name="customSteps"/> as the handlers the plugin's assembly provides.</summary>
    public static IReadOnlyList<string> Problems(string json, params ICustomStep[] customSteps) =>
        [.. WorkflowDefinitionLoader.Load(Samples.FileName, json, Facts, customSteps).Problems.Select(p => p.ToString())];

    /// <summary>The loaded definition; fails the test, listing the problems, when there are any.</summary>
    public static WorkflowDefinition Definition(string json, params ICustomStep[] customSteps)
    {
        var result = WorkflowDefinitionLoader.Load(Samples.FileName, json, Facts, customSteps);
        result.Problems.ShouldBeEmpty(string.Join("\n", result.Problems));
        return result.Definition.ShouldNotBeNull();
    }
}
