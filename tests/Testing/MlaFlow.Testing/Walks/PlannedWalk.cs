using System.Text.Json.Nodes;

namespace MlaFlow.Testing.Walks;

/// <summary>A route from the start of a workflow to one of its ends, and the request under which its decisions go that way.</summary>
public sealed record PlannedWalk(RequestScenario Scenario, IReadOnlyList<Move> Moves)
{
    /// <summary>A shortest route under the first of <see cref="RequestScenarios"/> that has one; null when no request leads to the end.</summary>
    public static PlannedWalk? To(WalkTarget target) => To(target, RequestScenarios.For(target));

    /// <summary>
    /// A shortest route under the first of <paramref name="scenarios"/> that has one, leaving awaits on a signal only
    /// when <paramref name="signals"/>; null when none leads to the end.
    /// </summary>
    public static PlannedWalk? To(WalkTarget target, IEnumerable<RequestScenario> scenarios, bool signals = true)
    {
        var nothingFilledIn = new Dictionary<string, JsonObject>();
        foreach (var scenario in scenarios)
        {
            if (new RoutePlanner(target.Definition, scenario.Facts, signals).Find(target.Definition.Start, target.End.Id, nothingFilledIn) is { } moves)
            {
                return new PlannedWalk(scenario, moves);
            }
        }

        return null;
    }

    public override string ToString() => $"under {Scenario}: {string.Join(" ", Moves)}";
}
