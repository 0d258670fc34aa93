using System.Text.Json;
using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Workflows.Loading;

/// <summary>
/// Reads a decision step: its <c>cases</c>, its <c>otherwise</c>, and <c>outcomes</c> that must declare
/// exactly the outcomes those produce — no more (dead entries) and no fewer (a case with nowhere to go).
/// </summary>
internal sealed class DecisionReader(ConditionReader conditions)
{
    private const string CaseExample = "{ \"when\": { \"field\": \"request.urgency\", \"op\": \"eq\", \"value\": \"urgent\" }, \"outcome\": \"urgent\" }";
    private static readonly string[] CaseMembers = ["when", "outcome"];

    public DecisionStep? Read(ObjectReader step, string id)
    {
        var cases = Cases(step, out var caseOutcomes);
        var otherwise = step.String("otherwise", "the outcome taken when no case holds, e.g. \"normal\"", Names.OutcomeNameProblem, maxLength: 64);
        var outcomes = OutcomeMap.Read(step, "a decision declares each case outcome and its otherwise with the next step's id");
        if (outcomes is not null)
        {
            CheckOutcomes(step, outcomes, caseOutcomes, otherwise);
        }

        return cases is not null && otherwise is not null && outcomes?.Targets() is { } targets ? new DecisionStep(id, cases, otherwise, targets) : null;
    }

    /// <summary>
    /// The cases, or null when any is wrong. <paramref name="outcomes"/> gets each case's outcome (null for one
    /// that could not be read), or is null itself when there is no list of cases to read them from.
    /// </summary>
    private List<DecisionCase>? Cases(ObjectReader step, out List<(string? Outcome, string Path)>? outcomes)
    {
        outcomes = null;
        if (step.Array("cases", "a list of cases such as " + CaseExample, "the cases a decision tries in order, e.g. [" + CaseExample + "]") is not { } items)
        {
            return null;
        }

        if (items.Count == 0)
        {
            step.Problems.Add(step.PathOf("cases"), "List at least one case; a decision without cases always takes its otherwise, so lead there directly.");
            return null;
        }

        outcomes = [];
        var cases = new List<DecisionCase>();
        foreach (var (item, path) in items)
        {
            if (Case(item, path, step.Problems, outcomes) is { } read)
            {
                cases.Add(read);
            }
        }

        return cases.Count == items.Count ? cases : null;
    }

    private DecisionCase? Case(JsonElement item, string path, ProblemReport problems, List<(string? Outcome, string Path)> outcomes)
    {
        if (ObjectReader.Of(item, path, problems, "a case such as " + CaseExample) is not { } @case)
        {
            outcomes.Add((null, path));
            return null;
        }

        @case.RejectUnknown("a decision case", CaseMembers);
        var when = @case.Member("when", "the condition under which this case is taken, e.g. { \"field\": \"request.urgency\", \"op\": \"eq\", \"value\": \"urgent\" }") is { } condition
            ? conditions.Read(condition, @case.PathOf("when"), problems)
            : null;
        var outcome = @case.String("outcome", "the outcome this case leaves through, e.g. \"urgent\"", Names.OutcomeNameProblem, maxLength: 64);
        outcomes.Add((outcome, @case.PathOf("outcome")));
        return when is not null && outcome is not null ? new DecisionCase(when, outcome) : null;
    }

    private static void CheckOutcomes(ObjectReader step, OutcomeMap outcomes, List<(string? Outcome, string Path)>? caseOutcomes, string? otherwise)
    {
        List<(string? Outcome, string Path)> produced = [.. caseOutcomes ?? [], (otherwise, step.PathOf("otherwise"))];
        foreach (var (outcome, path) in produced.Where(p => p.Outcome is not null).DistinctBy(p => p.Outcome))
        {
            if (!outcomes.Contains(outcome!))
            {
                step.Problems.Add(path, $"Outcome {Quote.Of(outcome!)} is not in this decision's outcomes; add it there with the next step's id.");
            }
        }

        // An entry no case produces is only certain to be dead when every case and the otherwise were read.
        if (caseOutcomes is null || produced.Any(p => p.Outcome is null))
        {
            return;
        }

        var producedNames = produced.Select(p => p.Outcome!).ToHashSet(StringComparer.Ordinal);
        foreach (var name in outcomes.Names.Where(n => !producedNames.Contains(n)))
        {
            step.Problems.Add(outcomes.PathOf(name), $"No case leads to {Quote.Of(name)} and it is not the otherwise; remove it or add a case with that outcome.");
        }
    }
}
