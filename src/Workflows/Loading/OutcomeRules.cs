using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Workflows.Loading;

/// <summary>
/// Which outcome names each step type may have (docs/workflows.md, "Steps"). The engine leaves a step
/// only through these names, so an extra outcome is dead and a missing one would strand the request.
/// </summary>
internal static class OutcomeRules
{
    private const string Received = AwaitStep.Received;

    /// <summary>Send, timer and join steps leave through one fixed outcome and nothing else.</summary>
    public static void Exactly(OutcomeMap outcomes, string type, string outcome)
    {
        var only = $"{StepTypes.DescribeAtStart(type)} leaves only through '{outcome}'";
        if (Misspelt(outcomes, outcome, [outcome]) is { } misspelt)
        {
            outcomes.Reader.Problems.Add(outcomes.PathOf(misspelt), $"{only}; rename {Quote.Of(misspelt)} to '{outcome}'.");
            return;
        }

        foreach (var name in outcomes.Names.Where(n => n != outcome))
        {
            outcomes.Reader.Problems.Add(outcomes.PathOf(name), $"{only}; remove {Quote.Of(name)}.");
        }

        Require(outcomes, outcome, $"{StepTypes.Describe(type)} leaves through '{outcome}' to the next step");
    }

    /// <summary>Tasks and parallel steps name their own outcomes, and need at least <paramref name="minimum"/>.</summary>
    public static void Named(OutcomeMap outcomes, string type, int minimum)
    {
        outcomes.CheckNames();
        if (outcomes.Count < minimum)
        {
            var why = type == "parallel"
                ? $"A parallel step starts one branch per outcome, so it needs at least {minimum} (got {outcomes.Count})."
                : "A task needs at least one outcome, the choice its assignee completes it with, e.g. { \"done\": \"close\" }.";
            outcomes.Reader.Problems.Add(outcomes.Reader.Path, why);
        }
    }

    /// <summary>An await step leaves through <c>received</c>, or through its deadline's outcome when it has one.</summary>
    public static void Await(OutcomeMap outcomes, DeadlineReader.Result deadline, string deadlinePath)
    {
        const string arrives = $"an await step leaves through '{Received}' when what it waits for arrives";
        if (deadline.Outcome == Received)
        {
            outcomes.Reader.Problems.Add(deadlinePath, $"The deadline's outcome must differ from '{Received}', or a reply and a missed deadline would lead to the same step.");
        }

        if (deadline.Present && deadline.Outcome is null)
        {
            // The deadline's outcome is reported already; any other outcome may be meant for it, so none is judged.
            Require(outcomes, Received, arrives);
            return;
        }

        string[] allowed = deadline.Outcome is { } overdue ? [Received, overdue] : [Received];
        var only = deadline.Outcome is { } named
            ? $"An await step leaves only through '{Received}' or its deadline's outcome {Quote.Of(named)}"
            : $"An await step without a deadline leaves only through '{Received}'";
        if (Misspelt(outcomes, Received, allowed) is { } misspelt)
        {
            outcomes.Reader.Problems.Add(outcomes.PathOf(misspelt), $"{only}; rename {Quote.Of(misspelt)} to '{Received}'.");
        }
        else
        {
            foreach (var name in outcomes.Names.Where(n => !allowed.Contains(n)))
            {
                outcomes.Reader.Problems.Add(outcomes.PathOf(name), $"{only}; remove {Quote.Of(name)}.");
            }

            Require(outcomes, Received, arrives);
        }

        DeadlineOutcome(outcomes, deadline, deadlinePath);
    }

    /// <summary>A deadline leaves its step through one of the step's outcomes, which says where the escalation goes.</summary>
    public static void DeadlineOutcome(OutcomeMap outcomes, DeadlineReader.Result deadline, string deadlinePath)
    {
        if (deadline.Outcome is { } overdue && overdue != Received && !outcomes.Contains(overdue))
        {
            outcomes.Reader.Problems.Add(deadlinePath,
                $"Outcome {Quote.Of(overdue)} is not among this step's outcomes; add it to outcomes with the step that handles the missed deadline.");
        }
    }

    private static void Require(OutcomeMap outcomes, string outcome, string hint)
    {
        if (!outcomes.Contains(outcome))
        {
            outcomes.Reader.Problems.Missing(outcomes.Reader.Path, outcome, hint);
        }
    }

    /// <summary>
    /// The one outcome that is not allowed, when <paramref name="required"/> is missing: almost surely it,
    /// misspelt (<c>Sent</c>, <c>snet</c>), and one "rename" reads better than "remove" plus "missing".
    /// </summary>
    private static string? Misspelt(OutcomeMap outcomes, string required, string[] allowed)
    {
        var unexpected = outcomes.Names.Where(n => !allowed.Contains(n)).Take(2).ToList();
        return unexpected.Count == 1 && !outcomes.Contains(required) ? unexpected[0] : null;
    }
}
