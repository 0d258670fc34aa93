using MlaFlow.Plugins.Sdk;
using MlaFlow.Testing;
using MlaFlow.Testing.Walks;
using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Grains.Tests.Walks;

/// <summary>
/// The walks run through the grains: for every shipped country, both sides, each kind, and each distinct end
/// status, one end step with that status.
/// The pure walks (MlaFlow.Plugins.Tests) reach every end step; here one per status keeps a run short while each
/// status is still stored, read back and queried on a real database. The end chosen has the shortest route under
/// a request Thailand admits, one that needs no signal (no grain operation raises one).
/// </summary>
public static class GrainWalkCases
{
    /// <summary>
    /// End statuses no request reaches through the grains, each with the reason; listed so a skip is seen in review.
    /// <see cref="EndStatusWalkContract"/> checks each stays out of reach, and that every other status is walked.
    /// </summary>
    public static IReadOnlyList<(string Country, string Side, string Kind, string Status, string Why)> NotWalked { get; } = [];

    /// <summary>The (country, side, kind, end) cases: one end per status not listed in <see cref="NotWalked"/>.</summary>
    public static TheoryData<string, string, string, string> Representatives()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var (target, _) in Chosen().Where(c => c.Walk is not null))
        {
            data.Add(target.Country.Value, target.SideName, target.KindName, target.End.Id);
        }

        return data;
    }

    /// <summary>For each workflow and end status, the end with the shortest route the grains can take, or the status's first end and null when none has one.</summary>
    public static IEnumerable<(WalkTarget Target, PlannedWalk? Walk)> Chosen() =>
        from plugin in ShippedPlugins.Catalog.Plugins.OrderBy(p => p.Manifest.Country.Value, StringComparer.Ordinal)
        from side in Enum.GetValues<WorkflowSide>()
        from kind in Enum.GetValues<RequestKind>()
        let definition = plugin.Latest(side, kind)!
        from ends in definition.Steps.OfType<EndStep>().GroupBy(e => e.Status)
        let walks = ends.Select(e => new WalkTarget(plugin, definition, e)).Select(t => (Target: t, Walk: Plan(t))).ToList()
        select walks.Where(w => w.Walk is not null).OrderBy(w => w.Walk!.Moves.Count).FirstOrDefault(walks[0]);

    /// <summary>A route under a request the requested state admits, taking no signal.</summary>
    public static PlannedWalk? Plan(WalkTarget target) => PlannedWalk.To(target, RequestScenarios.Admissible(target, ShippedPlugins.Catalog), signals: false);
}
