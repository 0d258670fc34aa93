using MlaFlow.Plugins.Sdk.Extensions;

namespace MlaFlow.Workflows.Tests;

/// <summary>
/// A custom step handler whose behaviour each test writes: by default it returns its first outcome. It keeps
/// every input it was given, so tests can see what the engine handed it.
/// </summary>
internal sealed class ScriptedStep(string name, params string[] outcomes) : ICustomStep
{
    public string Name { get; } = name;

    public IReadOnlyList<string> Outcomes { get; } = outcomes;

    /// <summary>What <see cref="Run"/> does; replaced by tests to return another outcome, throw, or touch its input.</summary>
    public Func<CustomStepInput, CustomStepResult?> Behaviour { get; set; } = _ => new CustomStepResult(outcomes[0]);

    public List<CustomStepInput> Inputs { get; } = [];

    /// <summary>A handler like the one docs/workflows.md describes: screens persons against a list the authority keeps.</summary>
    public static ScriptedStep WatchListScreening() => new("watch-list-screening", "clear", "match");

    public CustomStepResult Run(CustomStepInput input)
    {
        Inputs.Add(input);
        // Null is what a careless plugin could return despite the contract, and the engine must survive it.
        return Behaviour(input)!;
    }
}
