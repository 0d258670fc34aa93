using System.Text.Json.Nodes;

namespace MlaFlow.Plugins.Tests.Walks;

/// <summary>A route from the start of a workflow to one of its ends, and the request under which its decisions go that way.</summary>
internal sealed record PlannedWalk(RequestScenario Scenario, IReadOnlyList<Move> Moves)
{
    /// <summary>A shortest route under the first of <see cref="RequestScenarios"/> that has one; null when no request leads to the end.</summary>
    public static PlannedWalk? To(WalkTarget target)
    {
        var nothingFilledIn = new Dictionary<string, JsonObject>();
        foreach (var scenario in RequestScenarios.For(target))
        {
            if (new RoutePlanner(target.Definition, scenario.Facts).Find(target.Definition.Start, target.End.Id, nothingFilledIn) is { } moves)
            {
                return new PlannedWalk(scenario, moves);
            }
        }

        return null;
    }

    public override string ToString() => $"under {Scenario}: {string.Join(" ", Moves)}";
}
