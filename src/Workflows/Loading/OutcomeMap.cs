using System.Text.Json;

namespace MlaFlow.Workflows.Loading;

/// <summary>
/// A step's <c>outcomes</c> as written: every outcome name (for the step type's rules, even when its target
/// is wrong) and each target that is a string. Which names are allowed is the step type's business.
/// </summary>
internal sealed class OutcomeMap
{
    private readonly Dictionary<string, string?> _targets;

    private OutcomeMap(ObjectReader reader, Dictionary<string, string?> targets)
    {
        Reader = reader;
        _targets = targets;
    }

    public ObjectReader Reader { get; }

    public IReadOnlyCollection<string> Names => _targets.Keys;

    public int Count => _targets.Count;

    public bool Contains(string outcome) => _targets.ContainsKey(outcome);

    public string PathOf(string outcome) => Reader.PathOf(outcome);

    /// <summary>The outcomes of <paramref name="step"/>; null (reported) when missing or not an object.</summary>
    public static OutcomeMap? Read(ObjectReader step, string missingHint)
    {
        if (step.Object("outcomes", "an object mapping each outcome to the next step's id, e.g. { \"done\": \"close\" }", missingHint) is not { } outcomes)
        {
            return null;
        }

        var targets = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var outcome in outcomes.Element.EnumerateObject())
        {
            var isId = outcome.Value.ValueKind == JsonValueKind.String;
            if (!isId)
            {
                step.Problems.Add(outcomes.PathOf(outcome.Name), ObjectReader.MustBe("the id of the next step", outcome.Value));
            }

            targets.TryAdd(outcome.Name, isId ? outcome.Value.GetString() : null);
        }

        return new OutcomeMap(outcomes, targets);
    }

    /// <summary>For step types whose outcomes the author names: each name must have the plain shape.</summary>
    public bool CheckNames()
    {
        var valid = true;
        foreach (var name in Names)
        {
            if (Loading.Names.OutcomeNameProblem(name) is { } problem)
            {
                Reader.Problems.Add(PathOf(name), problem);
                valid = false;
            }
        }

        return valid;
    }

    /// <summary>The map the model holds, when every target was read.</summary>
    public IReadOnlyDictionary<string, string>? Targets() =>
        _targets.Values.All(t => t is not null) ? _targets.ToDictionary(t => t.Key, t => t.Value!, StringComparer.Ordinal) : null;
}
