using System.Text.Json;

namespace MlaFlow.Workflows.Loading;

/// <summary>
/// Checks that the steps form a workflow that can run: ids unique, every reference names a step, every
/// step reachable from <c>start</c> and able to reach an <c>end</c>. It reads the steps' raw JSON rather
/// than the model, so a step with a mistake elsewhere still takes part and one typo does not cascade
/// into "unreachable" reports for everything behind it.
/// </summary>
internal sealed class GraphChecker(ProblemReport problems, Suggestions suggestions)
{
    public void Check(IReadOnlyList<(JsonElement Item, string Path)> steps, string? start, string startPath, string stepsPath)
    {
        var nodes = steps.Select(s => GraphNode.From(s.Item, s.Path)).ToList();
        var byId = UniqueIds(nodes);

        if (start is not null && !byId.ContainsKey(start))
        {
            problems.Add(startPath, $"No step has id {Quote.Of(start)}; start names the first step.{suggestions.For(start, byId.Keys)}");
        }

        foreach (var node in nodes)
        {
            foreach (var (outcome, target, path) in node.Outcomes.Where(o => !byId.ContainsKey(o.Target)))
            {
                problems.Add(path, $"Outcome {Quote.Of(outcome)} leads to {Quote.Of(target)}, but no step has that id.{suggestions.For(target, byId.Keys)}");
            }

            CheckJoin(node, byId);
        }

        if (start is not null && byId.TryGetValue(start, out var first))
        {
            CheckEveryStepCanBeReached(nodes, byId, first);
        }

        CheckEveryStepCanEnd(nodes, byId, stepsPath);
    }

    /// <summary>
    /// A step nothing leads to is dead text that readers would take for part of the procedure. When a
    /// reachable step's outcomes are broken (reported already), where they were meant to lead is unknown,
    /// so nothing is called unreachable rather than blaming every step behind the mistake.
    /// </summary>
    private void CheckEveryStepCanBeReached(List<GraphNode> nodes, Dictionary<string, GraphNode> byId, GraphNode start)
    {
        var reached = Walk([start], n => n.Outcomes.Select(o => byId.GetValueOrDefault(o.Target)));
        if (reached.Any(n => IsOpen(n, byId)))
        {
            return;
        }

        foreach (var node in nodes.Where(n => n.IsNamed && !reached.Contains(n)))
        {
            problems.Add(node.Path, $"Step {Quote.Of(node.Id!)} cannot be reached from the start step {Quote.Of(start.Id!)}; lead an outcome to it or remove it.");
        }
    }

    /// <summary>Whether where the step leads is unknown: its outcomes are broken or name a step that does not exist.</summary>
    private static bool IsOpen(GraphNode node, Dictionary<string, GraphNode> byId) =>
        !node.OutcomesRead || node.Outcomes.Any(o => !byId.ContainsKey(o.Target));

    /// <summary>The steps by id; a later step repeating an id is reported and left out of the graph.</summary>
    private Dictionary<string, GraphNode> UniqueIds(List<GraphNode> nodes)
    {
        var byId = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        foreach (var node in nodes.Where(n => n.Id is not null))
        {
            if (!byId.TryAdd(node.Id!, node))
            {
                problems.Add(JsonPaths.Member(node.Path, "id"), $"Step id {Quote.Of(node.Id!)} is already used by {problems.Show(byId[node.Id!].Path)}; step ids must be unique.");
                node.IsDuplicate = true;
            }
        }

        return byId;
    }

    private void CheckJoin(GraphNode node, Dictionary<string, GraphNode> byId)
    {
        if (node.Type != "join" || node.Parallel is not { } parallel)
        {
            return;
        }

        var path = JsonPaths.Member(node.Path, "parallel");
        if (!byId.TryGetValue(parallel, out var named))
        {
            problems.Add(path, $"No step has id {Quote.Of(parallel)}; a join names the parallel step whose branches it waits for.{suggestions.For(parallel, byId.Keys)}");
        }
        else if (named.Type != "parallel")
        {
            var type = named.Type is { } known ? StepTypes.Describe(known) : "a step without a type";
            problems.Add(path, $"Step {Quote.Of(parallel)} is {type}; a join names the parallel step whose branches it waits for.");
        }
    }

    /// <summary>
    /// A step with no way to an end would hold a request forever. Steps whose outcomes are broken count as
    /// ends here: that mistake is reported already, and guessing where they were meant to lead would blame
    /// the steps before them too.
    /// </summary>
    private void CheckEveryStepCanEnd(List<GraphNode> nodes, Dictionary<string, GraphNode> byId, string stepsPath)
    {
        if (!nodes.Any(n => n.Type == StepTypes.End))
        {
            // A step of unknown type may be the end with its type misspelt; that is reported already.
            if (nodes.All(n => StepTypes.IsKnown(n.Type)))
            {
                problems.Add(stepsPath, "No step has type end, so the workflow could never finish; add an end step with its final status.");
            }

            return;
        }

        var ends = nodes.Where(n => !n.IsDuplicate && (n.Type == StepTypes.End || IsOpen(n, byId))).ToList();
        var leadsTo = new Dictionary<GraphNode, List<GraphNode>>();
        foreach (var node in nodes.Where(n => !n.IsDuplicate))
        {
            foreach (var next in node.Outcomes.Select(o => byId.GetValueOrDefault(o.Target)).OfType<GraphNode>())
            {
                if (!leadsTo.TryGetValue(next, out var before))
                {
                    leadsTo[next] = before = [];
                }

                before.Add(node);
            }
        }

        var canEnd = Walk(ends, n => leadsTo.GetValueOrDefault(n) ?? []);
        foreach (var node in nodes.Where(n => n.IsNamed && !canEnd.Contains(n)))
        {
            problems.Add(node.Path, $"Step {Quote.Of(node.Id!)} has no path to an end step, so a request that enters it could never finish.");
        }
    }

    /// <summary>Every node reachable from <paramref name="from"/> along <paramref name="next"/> (breadth-first, each node once).</summary>
    private static HashSet<GraphNode> Walk(IEnumerable<GraphNode> from, Func<GraphNode, IEnumerable<GraphNode?>> next)
    {
        var seen = new HashSet<GraphNode>(from);
        var queue = new Queue<GraphNode>(seen);
        while (queue.TryDequeue(out var node))
        {
            foreach (var following in next(node).OfType<GraphNode>().Where(seen.Add))
            {
                queue.Enqueue(following);
            }
        }

        return seen;
    }
}
