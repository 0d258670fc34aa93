using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Workflows.Loading;

/// <summary>
/// A refusal states its ground (DOMAIN.md, "Common grounds for refusal"). When completing a task with an outcome can lead
/// — before the task is done again, which fills its form anew — to a decision that picks a refused end by a field of
/// that task's form, the field must be required for that outcome: left out, the decision would fall through to an end
/// whose ground nobody chose.
/// </summary>
internal static class RefusalGrounds
{
    /// <param name="steps">The definition's steps, read without a problem, in file order.</param>
    /// <param name="stepsPath">Where the list of steps is, so a problem names the field at its place in it.</param>
    /// <param name="problems">Where each field that must be required, and is not, is reported.</param>
    public static void Check(IReadOnlyList<StepDefinition> steps, string stepsPath, ProblemReport problems)
    {
        var byId = steps.ToDictionary(s => s.Id, StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i] is not TaskStep task)
            {
                continue;
            }

            var formPath = JsonPaths.Member(JsonPaths.Item(stepsPath, i), "form");
            var unguarded =
                from outcome in task.Outcomes.Where(o => o.Key != task.Deadline?.Outcome)
                from decision in Reached(outcome.Value, task, byId).OfType<DecisionStep>().Where(d => Reached(d.Id, task, byId).Any(IsRefusal))
                from name in Read(decision, task)
                let field = task.Form.Single(f => f.Name == name)
                where !field.IsRequiredFor(outcome.Key)
                group (Outcome: outcome.Key, Decision: decision.Id) by field;
            foreach (var field in unguarded)
            {
                var outcomes = field.Select(f => f.Outcome).Distinct().ToList();
                problems.Add(JsonPaths.Item(formPath, task.Form.ToList().IndexOf(field.Key)),
                    $"Completing {Quote.Of(task.Id)} with {string.Join(" or ", outcomes.Select(Quote.Of))} can end the request refused on the ground " +
                    $"decision {Quote.Of(field.First().Decision)} picks by this field; left out, it would pick one nobody chose. Require the field for " +
                    $"{(outcomes.Count == 1 ? "that outcome" : "those outcomes")}: \"requiredFor\": [{string.Join(", ", outcomes.Select(o => $"\"{o}\""))}].");
            }
        }
    }

    private static bool IsRefusal(StepDefinition step) => step is EndStep { Status: FinalStatus.Refused };

    /// <summary>The names of the fields of <paramref name="task"/>'s form that <paramref name="decision"/>'s cases read.</summary>
    private static IEnumerable<string> Read(DecisionStep decision, TaskStep task)
    {
        var prefix = $"{FactCatalog.FormPrefix}{task.Id}.";
        return decision.Cases.SelectMany(c => c.When.Fields()).Select(f => f.Field)
            .Where(f => f.StartsWith(prefix, StringComparison.Ordinal)).Select(f => f[prefix.Length..]).Distinct(StringComparer.Ordinal);
    }

    /// <summary>The steps a request may come to from <paramref name="start"/> without doing <paramref name="task"/> again.</summary>
    private static IEnumerable<StepDefinition> Reached(string start, TaskStep task, Dictionary<string, StepDefinition> byId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start, task.Id };
        var queue = new Queue<string>(start == task.Id ? [] : [start]);
        while (queue.TryDequeue(out var id))
        {
            var step = byId[id];
            yield return step;
            foreach (var next in step.Outcomes.Values.Where(seen.Add))
            {
                queue.Enqueue(next);
            }
        }
    }
}
