namespace MlaFlow.Workflows.Definitions;

/// <summary>
/// For each step of a definition, the steps that every way from the start to it goes through (its dominators, itself
/// included). A join is reached only once every branch of its parallel has arrived, so what dominates any of the
/// join's incoming branches dominates the join: there the sets of its predecessors inside the parallel's branches are
/// united, not intersected (a way back into the join from after it is not a branch). Steps the start does not reach
/// have no entry.
/// </summary>
internal static class StepDominators
{
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Of(WorkflowDefinition definition)
    {
        var reachable = Reachable(definition, definition.Start, avoiding: null);
        var predecessors = reachable.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var id in reachable)
        {
            foreach (var next in definition.Step(id).Outcomes.Values.Distinct(StringComparer.Ordinal))
            {
                predecessors[next].Add(id);
            }
        }

        foreach (var join in reachable.Select(definition.Step).OfType<JoinStep>())
        {
            var branches = Reachable(definition, join.Parallel, avoiding: join.Id);
            predecessors[join.Id].RemoveAll(p => !branches.Contains(p));
        }

        // The greatest fixed point: start from "everything" and shrink until nothing changes.
        var dominators = reachable.ToDictionary(id => id, id => id == definition.Start ? [id] : new HashSet<string>(reachable, StringComparer.Ordinal), StringComparer.Ordinal);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var id in reachable.Where(id => id != definition.Start))
            {
                var incoming = predecessors[id].Select(p => dominators[p]).ToList();
                var next = new HashSet<string>(incoming.Count > 0 ? incoming[0] : [], StringComparer.Ordinal);
                foreach (var set in incoming.Skip(1))
                {
                    if (definition.Step(id) is JoinStep)
                    {
                        next.UnionWith(set);
                    }
                    else
                    {
                        next.IntersectWith(set);
                    }
                }

                next.Add(id);
                if (!next.SetEquals(dominators[id]))
                {
                    dominators[id] = next;
                    changed = true;
                }
            }
        }

        return dominators.ToDictionary(d => d.Key, d => (IReadOnlySet<string>)d.Value, StringComparer.Ordinal);
    }

    private static HashSet<string> Reachable(WorkflowDefinition definition, string from, string? avoiding)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var next in definition.Step(id).Outcomes.Values.Where(n => n != avoiding && seen.Add(n)))
            {
                queue.Enqueue(next);
            }
        }

        return seen;
    }
}
