using System.Text.Json.Nodes;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Workflows.Definitions;
using NodaTime;

namespace MlaFlow.Workflows.Execution;

/// <summary>
/// The one execution model for workflows. Every operation takes an instance and returns a new one with
/// the effects to carry out; the engine keeps no state and does no I/O, so the request grain can persist
/// the result and its audit record in one transaction. An operation that does not fit the instance
/// throws <see cref="WorkflowOperationException"/> and changes nothing.
/// </summary>
public static class WorkflowEngine
{
    /// <summary>Starts a new instance of <paramref name="definition"/> at its start step.</summary>
    public static WorkflowTransition Start(WorkflowDefinition definition, WorkflowRef reference, WorkflowContext context)
    {
        var run = WorkflowRun.Begin(definition, reference, context);
        run.Record(definition.Start, "started", reference.ToString());
        run.Enter(definition.Start, []);
        return run.Finish();
    }

    /// <summary>Completes the task waiting as token <paramref name="tokenId"/> with an outcome and its form data.</summary>
    /// <exception cref="FormValidationException">The form data breaks the task's form, or lacks a field the outcome requires.</exception>
    public static WorkflowTransition CompleteTask(
        WorkflowDefinition definition, WorkflowInstance instance, int tokenId, string outcome, JsonObject form, WorkflowContext context)
    {
        var token = Resting(instance, tokenId, TokenState.Waiting);
        if (definition.Step(token.StepId) is not TaskStep task)
        {
            throw new WorkflowOperationException($"Step '{token.StepId}' is not a task.");
        }

        if (!task.Outcomes.ContainsKey(outcome) || outcome == task.Deadline?.Outcome)
        {
            var choices = task.Outcomes.Keys.Where(k => k != task.Deadline?.Outcome);
            throw new WorkflowOperationException($"Task '{task.Id}' is completed with one of {string.Join(", ", choices)}, not '{outcome}'.");
        }

        FormValidator.Validate(task.Form, form, outcome);
        var run = new WorkflowRun(definition, instance, context);
        run.SaveForm(task.Id, form);
        run.Leave(token, outcome);
        return run.Finish();
    }

    /// <summary>Delivers an incoming message to the step awaiting it (the longest waiting, if several).</summary>
    public static WorkflowTransition Receive(WorkflowDefinition definition, WorkflowInstance instance, MessageType message, WorkflowContext context) =>
        Resume(definition, instance, context, step => step.Message == message, $"a {message} message");

    /// <summary>Delivers a named signal to the step awaiting it (the longest waiting, if several).</summary>
    /// <exception cref="WorkflowOperationException">No step awaits <paramref name="signal"/>; the message names the signals awaited now.</exception>
    public static WorkflowTransition Signal(WorkflowDefinition definition, WorkflowInstance instance, string signal, WorkflowContext context)
    {
        var awaited = instance.Tokens
            .Where(t => t.State == TokenState.Waiting)
            .Select(t => (definition.Step(t.StepId) as AwaitStep)?.Signal)
            .OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        if (!awaited.Contains(signal))
        {
            var shown = signal.Length > 64 ? signal[..64] + "…" : signal;
            throw new WorkflowOperationException(awaited.Count == 0
                ? $"No step of this workflow awaits the signal '{shown}'; none awaits a signal now."
                : $"No step of this workflow awaits the signal '{shown}'; it awaits {string.Join(", ", awaited)}.");
        }

        return Resume(definition, instance, context, step => step.Signal == signal, $"the signal '{signal}'");
    }

    /// <summary>
    /// A timer armed by an earlier transition fired for <paramref name="dueAt"/>. A timer whose step was
    /// left since, or that was re-armed for another time, finds nothing to do: the result is the same
    /// instance and no effects, so a late or repeated firing is harmless.
    /// </summary>
    public static WorkflowTransition TimerDue(WorkflowDefinition definition, WorkflowInstance instance, string timerName, Instant dueAt, WorkflowContext context)
    {
        var token = TimerNames.TryParse(timerName, out var tokenId, out var isWarning)
            ? instance.Tokens.FirstOrDefault(t => t.Id == tokenId && t.State == TokenState.Waiting)
            : null;
        if (token is null || (isWarning ? token.WarnAt : token.DueAt) != dueAt)
        {
            return new WorkflowTransition(instance, []);
        }

        var run = new WorkflowRun(definition, instance, context);
        if (isWarning)
        {
            // Given once: the token forgets its warning time, so a re-armed or repeated timer finds nothing to warn of.
            run.Replace(token, token with { WarnAt = null });
            run.Record(token.StepId, "deadline approaching", $"due {token.DueAt}");
            run.Emit(new DeadlineWarning(token.StepId, token.DueAt!.Value));
            return run.Finish();
        }

        run.Leave(token, definition.Step(token.StepId) switch
        {
            TimerStep => TimerStep.Elapsed,
            TaskStep { Deadline: { } deadline } => deadline.Outcome,
            AwaitStep { Deadline: { } deadline } => deadline.Outcome,
            var step => throw new WorkflowOperationException($"Step '{step.Id}' has no deadline."),
        }, "deadline passed");
        return run.Finish();
    }

    /// <summary>Runs a faulted step again.</summary>
    public static WorkflowTransition Retry(WorkflowDefinition definition, WorkflowInstance instance, int tokenId, WorkflowContext context)
    {
        var token = Resting(instance, tokenId, TokenState.Faulted);
        var run = new WorkflowRun(definition, instance, context);
        run.Remove(token);
        run.Record(token.StepId, "retried", token.Error);
        run.Enter(token.StepId, token.Forks);
        return run.Finish();
    }

    /// <summary>Leaves a faulted step through <paramref name="outcome"/>, as an officer decides instead of the step.</summary>
    public static WorkflowTransition Route(WorkflowDefinition definition, WorkflowInstance instance, int tokenId, string outcome, WorkflowContext context)
    {
        var token = Resting(instance, tokenId, TokenState.Faulted);
        var run = new WorkflowRun(definition, instance, context);
        run.Leave(token, outcome, $"routed after fault: {token.Error}");
        return run.Finish();
    }

    /// <summary>
    /// Moves a running instance from the version it runs (<paramref name="from"/>) to another, <paramref name="to"/>:
    /// every step where a token rests must be mapped to a step of the new version that waits (a task, an await, a
    /// timer), which each token then enters afresh (deadlines restart). Refused, changing nothing, when the target is the
    /// same version, the mapping is incomplete or names unknown steps, a step would be mapped to one that does not wait
    /// (an end, a send, a decision: a migration never decides an outcome itself), a step would be reached past a task
    /// whose person has not acted in this request, or a token is inside a parallel the new version lacks.
    /// </summary>
    /// <param name="from">The version the instance runs.</param>
    /// <param name="to">The version to move it to.</param>
    /// <param name="instance">The running instance.</param>
    /// <param name="mapping">The new step for each step where a token rests (more entries are ignored).</param>
    /// <param name="reason">Why, as the operator gives it: kept in the history and reported in the <see cref="Migrated"/> effect.</param>
    /// <param name="context">Now, who, and the rest the run needs.</param>
    public static WorkflowTransition Migrate(
        WorkflowDefinition from, WorkflowDefinition to, WorkflowInstance instance, IReadOnlyDictionary<string, string> mapping, string reason, WorkflowContext context)
    {
        if (instance.IsEnded)
        {
            throw new WorkflowOperationException($"The workflow has ended ({instance.Ended}); there is nothing to migrate.");
        }

        var problems = MigrationProblems(from, to, instance, mapping);
        if (problems.Count > 0)
        {
            throw new WorkflowOperationException($"The migration from version {from.Version} to {to.Version} is refused: {string.Join("; ", problems)}.");
        }

        var run = new WorkflowRun(to, instance with { Definition = instance.Definition with { Version = to.Version } }, context);
        foreach (var token in instance.Tokens)
        {
            run.Remove(token);
            run.Record(token.StepId, $"migrated to v{to.Version}", $"{mapping[token.StepId]}: {reason}");
            run.Enter(mapping[token.StepId], token.Forks);
        }

        var moved = run.Finish();
        return moved with { Effects = [.. moved.Effects, new Migrated(from.Version, to.Version, reason)] };
    }

    private static List<string> MigrationProblems(
        WorkflowDefinition from, WorkflowDefinition to, WorkflowInstance instance, IReadOnlyDictionary<string, string> mapping)
    {
        var problems = new List<string>();
        if (from.Version == to.Version)
        {
            problems.Add($"the request already runs version {to.Version}; a migration moves it to another version");
        }

        var open = instance.Tokens.Select(t => t.StepId).Distinct().ToList();
        var unmapped = open.Where(s => !mapping.ContainsKey(s)).ToList();
        if (unmapped.Count > 0)
        {
            problems.Add($"no new step for {string.Join(", ", unmapped)}");
        }

        var unknown = mapping.Where(m => !from.HasStep(m.Key) || !to.HasStep(m.Value)).Select(m => $"{m.Key} → {m.Value}").ToList();
        if (unknown.Count > 0)
        {
            problems.Add($"unknown steps in {string.Join(", ", unknown)}");
        }

        foreach (var (step, target) in mapping.Where(m => open.Contains(m.Key) && to.HasStep(m.Value)))
        {
            var entered = to.Step(target);
            if (entered is not (TaskStep or AwaitStep or TimerStep))
            {
                problems.Add($"{step} → {target}: {target} is a {entered.Type} step, and a step is moved only to one that waits (a task, an await, a timer)");
                continue;
            }

            var skipped = to.TasksOnEveryWayTo(target).Where(task => !Performed(instance, task)).Select(t => t.Id).ToList();
            if (skipped.Count > 0)
            {
                problems.Add($"{step} → {target} would pass {string.Join(", ", skipped)}, which no one has done in this request");
            }
        }

        var forks = instance.Tokens.SelectMany(t => t.Forks).Select(f => f[..f.IndexOf('#', StringComparison.Ordinal)]).Distinct()
            .Where(p => !to.HasStep(p) || to.Step(p) is not ParallelStep).ToList();
        if (forks.Count > 0)
        {
            problems.Add($"open branches of {string.Join(", ", forks)}, which version {to.Version} has no parallel step for");
        }

        return problems;
    }

    // A person acted at a task when it was left through one of its outcomes other than its deadline's, which the timer
    // takes when no one acts.
    private static bool Performed(WorkflowInstance instance, TaskStep task) =>
        instance.History.Any(h => h.StepId == task.Id && task.Outcomes.ContainsKey(h.What) && h.What != task.Deadline?.Outcome);

    private static WorkflowTransition Resume(
        WorkflowDefinition definition, WorkflowInstance instance, WorkflowContext context, Func<AwaitStep, bool> awaits, string what)
    {
        var token = instance.Tokens
            .Where(t => t.State == TokenState.Waiting && definition.Step(t.StepId) is AwaitStep step && awaits(step))
            .MinBy(t => t.Id)
            ?? throw new WorkflowOperationException($"No step of this workflow awaits {what}.");
        var run = new WorkflowRun(definition, instance, context);
        run.Leave(token, AwaitStep.Received);
        return run.Finish();
    }

    private static StepToken Resting(WorkflowInstance instance, int tokenId, TokenState state)
    {
        if (instance.IsEnded)
        {
            throw new WorkflowOperationException($"The workflow has ended ({instance.Ended}).");
        }

        var token = instance.Token(tokenId);
        return token.State == state ? token
            : throw new WorkflowOperationException($"Step #{tokenId} ('{token.StepId}') is {token.State.ToString().ToLowerInvariant()}, not {state.ToString().ToLowerInvariant()}.");
    }
}
