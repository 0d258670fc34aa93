using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Workflows.Loading;

/// <summary>Reads the optional <c>deadline</c> of a task or await step: <c>{ "after": …, "warnBefore": …, "outcome": … }</c>.</summary>
internal static class DeadlineReader
{
    private static readonly string[] Members = ["after", "warnBefore", "outcome"];

    public static Result Read(ObjectReader step)
    {
        if (step.Object("deadline", "an object with after, warnBefore and outcome", missingHint: null) is not { } deadline)
        {
            return new Result(step.Has("deadline"), null, null);
        }

        deadline.RejectUnknown("a deadline", Members);
        var after = DurationReader.Read(deadline, "after",
            $"a deadline falls a duration after the step is entered, e.g. {DurationReader.Example}");
        var warnBefore = DurationReader.Read(deadline, "warnBefore", missingHint: null);
        DurationReader.CheckWarning(deadline, after, warnBefore, "warnBefore");
        var outcome = deadline.String("outcome",
            "the outcome the step is left through when the deadline falls, e.g. \"overdue\"", Names.OutcomeNameProblem);

        var warningRead = warnBefore is not null || !deadline.Has("warnBefore");
        var definition = after is not null && outcome is not null && warningRead ? new DeadlineDefinition(after, warnBefore, outcome) : null;
        return new Result(true, outcome, definition);
    }

    /// <summary>
    /// What was read. The <see cref="Outcome"/> is kept even when the rest of the deadline is wrong, so the
    /// step's outcome checks do not add a second, misleading problem about it.
    /// </summary>
    public readonly record struct Result(bool Present, string? Outcome, DeadlineDefinition? Definition);
}
