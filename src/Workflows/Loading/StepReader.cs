using System.Text.Json;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Workflows.Loading;

/// <summary>
/// Reads one step: its id and type, then the members and outcomes its type allows (docs/workflows.md,
/// "Steps"). Whether the steps fit together as a graph is <see cref="GraphChecker"/>'s concern.
/// </summary>
internal sealed class StepReader(ConditionReader conditions, CustomStepReader customSteps)
{
    private static readonly Dictionary<string, string[]> MembersByType = new(StringComparer.Ordinal)
    {
        ["task"] = ["id", "type", "role", "title", "form", "deadline", "outcomes"],
        ["send"] = ["id", "type", "message", "outcomes"],
        ["await"] = ["id", "type", "message", "signal", "deadline", "outcomes"],
        ["timer"] = ["id", "type", "after", "warnBefore", "outcomes"],
        ["decision"] = ["id", "type", "cases", "otherwise", "outcomes"],
        ["parallel"] = ["id", "type", "outcomes"],
        ["join"] = ["id", "type", "parallel", "outcomes"],
        ["custom"] = ["id", "type", "handler", "settings", "outcomes"],
        ["end"] = ["id", "type", "status", "ground"],
    };

    /// <summary>The step, or null when anything in it is wrong (every such problem is reported).</summary>
    public StepDefinition? Read(JsonElement element, string path, ProblemReport problems)
    {
        if (ObjectReader.Of(element, path, problems, "a step such as { \"id\": \"register\", \"type\": \"task\", … }") is not { } step)
        {
            return null;
        }

        var id = step.String("id", "the step's id, e.g. \"register\"", Names.StepIdProblem, maxLength: 64);
        var type = step.OneOf("type", "step type", StepTypes.All, $"the step type, one of {Quote.List(StepTypes.All)}");
        if (type is null)
        {
            // Which members are allowed depends on the type, so none are judged until it is fixed.
            return null;
        }

        step.RejectUnknown(StepTypes.Describe(type), MembersByType[type]);

        // Every member is read even without a valid id, so all problems surface at once; the step itself is then dropped.
        StepDefinition? read = type switch
        {
            "task" => Task(step, id ?? ""),
            "send" => Send(step, id ?? ""),
            "await" => Await(step, id ?? ""),
            "timer" => Timer(step, id ?? ""),
            "decision" => Decision(step, id ?? ""),
            "parallel" => Parallel(step, id ?? ""),
            "join" => Join(step, id ?? ""),
            "custom" => customSteps.Read(step, id ?? ""),
            _ => End(step, id ?? ""),
        };
        return id is null ? null : read;
    }

    private static TaskStep? Task(ObjectReader step, string id)
    {
        var role = step.OneOf("role", "role", TaskStep.Roles, $"the role that does the task, one of {Quote.List(TaskStep.Roles)}");
        // Optional: the example's own "execute" task has none, and the id reads well enough in a task list.
        var title = step.String("title", missingHint: null);
        var deadline = DeadlineReader.Read(step);
        var outcomes = OutcomeMap.Read(step, "a task leaves through the outcomes its assignee chooses from, e.g. { \"done\": \"close\" }");
        var form = FormReader.Read(step, outcomes, deadline.Outcome);
        if (outcomes is not null)
        {
            OutcomeRules.Named(outcomes, "task", minimum: 1);
            OutcomeRules.DeadlineOutcome(outcomes, deadline, DeadlineOutcomePath(step));
        }

        var titleRead = title is not null || !step.Has("title");
        return role is not null && titleRead && form is not null && Read(deadline) && outcomes?.Targets() is { } targets
            ? new TaskStep(id, role, title ?? id, form, deadline.Definition, targets)
            : null;
    }

    private static SendStep? Send(ObjectReader step, string id)
    {
        var message = step.Enum<MessageType>("message", "message type", $"the message type to send, one of {Quote.List(EnumNames<MessageType>.All)}");
        var outcomes = OutcomeMap.Read(step, "a send step leaves through { \"sent\": \"<next step id>\" }");
        if (outcomes is not null)
        {
            OutcomeRules.Exactly(outcomes, "send", SendStep.Sent);
        }

        return message is not null && outcomes?.Targets() is { } targets ? new SendStep(id, message.Value, targets) : null;
    }

    private static AwaitStep? Await(ObjectReader step, string id)
    {
        var hasMessage = step.Has("message");
        var hasSignal = step.Has("signal");
        if (hasMessage && hasSignal)
        {
            step.Problems.Add(step.PathOf("signal"), "An await step waits for a message or a signal, not both; remove one.");
        }
        else if (!hasMessage && !hasSignal)
        {
            step.Problems.Add(step.Path,
                $"An await step waits for a message (one of {Quote.List(EnumNames<MessageType>.All)}) or a named signal; give one of them.");
        }

        var message = hasMessage ? step.Enum<MessageType>("message", "message type", missingHint: null) : null;
        var signal = hasSignal ? step.String("signal", missingHint: null, Names.SignalNameProblem, maxLength: 64) : null;
        var deadline = DeadlineReader.Read(step);
        var outcomes = OutcomeMap.Read(step, "an await step leaves through { \"received\": \"<next step id>\" }");
        if (outcomes is not null)
        {
            OutcomeRules.Await(outcomes, deadline, DeadlineOutcomePath(step));
        }

        var waitsForOne = (message is not null) != (signal is not null);
        return waitsForOne && Read(deadline) && outcomes?.Targets() is { } targets ? new AwaitStep(id, message, signal, deadline.Definition, targets) : null;
    }

    private static TimerStep? Timer(ObjectReader step, string id)
    {
        var after = DurationReader.Read(step, "after", $"a timer waits a duration, e.g. {DurationReader.Example}");
        var warnBefore = DurationReader.Read(step, "warnBefore", missingHint: null);
        DurationReader.CheckWarning(step, after, warnBefore, "warnBefore");
        var outcomes = OutcomeMap.Read(step, "a timer leaves through { \"elapsed\": \"<next step id>\" }");
        if (outcomes is not null)
        {
            OutcomeRules.Exactly(outcomes, "timer", TimerStep.Elapsed);
        }

        var warningRead = warnBefore is not null || !step.Has("warnBefore");
        return after is not null && warningRead && outcomes?.Targets() is { } targets ? new TimerStep(id, after, warnBefore, targets) : null;
    }

    private DecisionStep? Decision(ObjectReader step, string id) => new DecisionReader(conditions).Read(step, id);

    private static ParallelStep? Parallel(ObjectReader step, string id)
    {
        var outcomes = OutcomeMap.Read(step, "a parallel step starts one branch per outcome, e.g. { \"search\": \"search-premises\", \"hear\": \"hear-witness\" }");
        if (outcomes is not null)
        {
            OutcomeRules.Named(outcomes, "parallel", minimum: 2);
        }

        return outcomes?.Targets() is { } targets ? new ParallelStep(id, targets) : null;
    }

    private static JoinStep? Join(ObjectReader step, string id)
    {
        // Whether it names a parallel step is a graph question, checked once every step is known.
        var parallel = step.String("parallel", "the id of the parallel step whose branches this join waits for", maxLength: 64);
        var outcomes = OutcomeMap.Read(step, "a join leaves through { \"joined\": \"<next step id>\" }");
        if (outcomes is not null)
        {
            OutcomeRules.Exactly(outcomes, "join", JoinStep.Joined);
        }

        return parallel is not null && outcomes?.Targets() is { } targets ? new JoinStep(id, parallel, targets) : null;
    }

    private static EndStep? End(ObjectReader step, string id)
    {
        var status = step.Enum<FinalStatus>("status", "final status", $"the final status, one of {Quote.List(EnumNames<FinalStatus>.All)}");
        var ground = step.String("ground", status == FinalStatus.Refused
            ? "a refused end states the ground of refusal it relies on, e.g. \"Art. 2(b): essential interests\""
            : null);
        var groundRead = ground is not null || (status != FinalStatus.Refused && !step.Has("ground"));
        return status is not null && groundRead ? new EndStep(id, status.Value, ground) : null;
    }

    private static bool Read(DeadlineReader.Result deadline) => !deadline.Present || deadline.Definition is not null;

    private static string DeadlineOutcomePath(ObjectReader step) => JsonPaths.Member(step.PathOf("deadline"), "outcome");
}
