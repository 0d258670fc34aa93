using System.Text.Json.Nodes;
using MlaFlow.Plugins.Sdk.Extensions;
using MlaFlow.Workflows.Calendars;
using MlaFlow.Workflows.Conditions;
using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Loading;

namespace MlaFlow.Workflows.Execution;

/// <summary>
/// One operation on an instance: moves tokens through steps until each rests (waits, faults or ends)
/// and collects the effects. Entering a step is queued, not recursive, so long chains of decisions
/// cannot exhaust the stack; a chain that never rests is cut off and faulted.
/// </summary>
internal sealed class WorkflowRun
{
    /// <summary>More step entries than this in one operation can only be a loop of steps that never wait.</summary>
    private const int MaxEntriesPerOperation = 1_000;

    /// <summary>What a custom step's handler may put in the history (its detail, its error): as <see cref="CustomStepResult.Detail"/> promises.</summary>
    private const int MaxHandlerTextLength = 500;

    private readonly WorkflowDefinition _definition;
    private readonly WorkflowRef _reference;
    private readonly WorkflowContext _context;
    private readonly List<StepToken> _tokens;
    private readonly List<HistoryEntry> _history;
    private readonly Dictionary<string, JsonObject> _forms;
    private readonly List<WorkflowEffect> _effects = [];
    private readonly Queue<(string StepId, IReadOnlyList<string> Forks)> _entries = new();
    private int _nextTokenId;
    private int _entered;
    private FinalStatus? _ended;
    private string? _ground;

    public WorkflowRun(WorkflowDefinition definition, WorkflowInstance instance, WorkflowContext context)
    {
        _definition = definition;
        _reference = instance.Definition;
        _context = context;
        _tokens = [.. instance.Tokens];
        _history = [.. instance.History];
        _forms = instance.Forms.ToDictionary(f => f.Key, f => (JsonObject)f.Value.DeepClone(), StringComparer.Ordinal);
        _nextTokenId = instance.NextTokenId;
        (_ended, _ground) = (instance.Ended, instance.Ground);
    }

    public static WorkflowRun Begin(WorkflowDefinition definition, WorkflowRef reference, WorkflowContext context) =>
        new(definition, new WorkflowInstance(reference, [], new Dictionary<string, JsonObject>(), [], 1), context);

    public void Enter(string stepId, IReadOnlyList<string> forks) => _entries.Enqueue((stepId, forks));

    /// <summary>Takes <paramref name="token"/> out through <paramref name="outcome"/> into the next step.</summary>
    public void Leave(StepToken token, string outcome, string? detail = null)
    {
        var step = _definition.Step(token.StepId);
        if (!step.Outcomes.TryGetValue(outcome, out var next))
        {
            throw new WorkflowOperationException($"Step '{step.Id}' has no outcome '{outcome}'; it has {string.Join(", ", step.Outcomes.Keys)}.");
        }

        Remove(token);
        Record(step.Id, outcome, detail);
        Enter(next, token.Forks);
    }

    /// <summary>Takes a token out of the instance (if it rests there) and disarms its timers.</summary>
    public void Remove(StepToken token)
    {
        _tokens.Remove(token);
        if (token.DueAt is not null)
        {
            _effects.Add(new DisarmTimer(TimerNames.Due(token.Id)));
        }

        if (token.WarnAt is not null)
        {
            _effects.Add(new DisarmTimer(TimerNames.Warn(token.Id)));
        }
    }

    /// <summary>Replaces a resting token by <paramref name="updated"/> (same id), e.g. once its warning has been given.</summary>
    public void Replace(StepToken token, StepToken updated) => _tokens[_tokens.IndexOf(token)] = updated;

    public void Record(string stepId, string what, string? detail = null) =>
        _history.Add(new HistoryEntry(_context.Now, stepId, what, _context.Actor, detail));

    public void Emit(WorkflowEffect effect) => _effects.Add(effect);

    public void SaveForm(string stepId, JsonObject data) => _forms[stepId] = (JsonObject)data.DeepClone();

    /// <summary>Runs every queued entry until all tokens rest, then returns the new instance and its effects.</summary>
    public WorkflowTransition Finish()
    {
        while (_entries.TryDequeue(out var entry) && _ended is null)
        {
            var token = new StepToken(_nextTokenId++, entry.StepId, TokenState.Waiting, _context.Now, entry.Forks);
            if (++_entered > MaxEntriesPerOperation)
            {
                Rest(token with { State = TokenState.Faulted, Error = $"The workflow passed through more than {MaxEntriesPerOperation} steps without waiting; it loops." });
                _entries.Clear();
                break;
            }

            Execute(_definition.Step(entry.StepId), token);
        }

        var instance = new WorkflowInstance(_reference, [.. _tokens], _forms, [.. _history], _nextTokenId, _ended, _ground);
        return new WorkflowTransition(instance, [.. _effects]);
    }

    private void Execute(StepDefinition step, StepToken token)
    {
        switch (step)
        {
            case TaskStep task:
                RestWithDeadline(token, task.Deadline?.After, task.Deadline?.WarnBefore);
                break;
            case AwaitStep wait:
                RestWithDeadline(token, wait.Deadline?.After, wait.Deadline?.WarnBefore);
                break;
            case TimerStep timer:
                RestWithDeadline(token, timer.After, timer.WarnBefore);
                break;
            case SendStep send:
                RunOrFault(token, () =>
                {
                    _context.Outbox.Enqueue(send.Message, send.Id);
                    return SendStep.Sent;
                });
                break;
            case DecisionStep decision:
                RunOrFault(token, () => decision.Cases.FirstOrDefault(c => ConditionEvaluator.Holds(c.When, Facts()))?.Outcome ?? decision.Otherwise);
                break;
            case CustomStep custom:
                RunOrFault(token, () => RunHandler(custom));
                break;
            case ParallelStep parallel:
                Record(parallel.Id, "split");
                var outer = Outside(token.Forks, parallel.Id);
                foreach (var branch in parallel.Outcomes.Values)
                {
                    Enter(branch, [.. outer, $"{parallel.Id}#{token.Id}"]);
                }

                break;
            case JoinStep join:
                Arrive(join, token);
                break;
            case EndStep end:
                foreach (var open in _tokens.ToList())
                {
                    Remove(open);
                }

                Record(end.Id, $"ended {end.Status}", end.Ground);
                (_ended, _ground) = (end.Status, end.Ground);
                break;
            default:
                throw new NotSupportedException($"Step type {step.Type} has no execution.");
        }
    }

    // A branch that loops back into its own parallel starts that parallel afresh rather than nesting inside
    // it, so a workflow that loops (message after message) does not grow its fork stack without limit.
    private static IReadOnlyList<string> Outside(IReadOnlyList<string> forks, string parallelId)
    {
        var own = forks.ToList().FindIndex(f => f.StartsWith(parallelId + "#", StringComparison.Ordinal));
        return own < 0 ? forks : forks.Take(own).ToList();
    }

    private void RunOrFault(StepToken token, Func<string> run) => RunOrFault(token, () => (run(), (string?)null));

    /// <summary>
    /// Runs a step that does not wait and leaves it through the outcome <paramref name="run"/> gives, with its detail
    /// for the history. An exception faults the step with its message, which officers read; the token then rests
    /// until they retry the step or route it to an outcome.
    /// </summary>
    private void RunOrFault(StepToken token, Func<(string Outcome, string? Detail)> run)
    {
        (string Outcome, string? Detail) exit;
        try
        {
            exit = run();
        }
        catch (Exception e) when (e is not WorkflowOperationException)
        {
            Rest(token with { State = TokenState.Faulted, Error = e.Message });
            Record(token.StepId, "faulted", e.Message);
            return;
        }

        Leave(token, exit.Outcome, exit.Detail);
    }

    /// <summary>
    /// Runs a custom step's handler on copies of the facts and settings, so nothing it does to its input reaches the
    /// instance or the definition other requests share. Whatever goes wrong faults the step, naming the handler:
    /// the handler is not loaded, it throws (any exception, even the engine's own: the code is the plugin's), it
    /// returns nothing, or it returns an outcome the step does not map.
    /// </summary>
    private (string Outcome, string? Detail) RunHandler(CustomStep step)
    {
        var outcomes = string.Join(", ", step.Outcomes.Keys);
        if (_context.CustomSteps?.GetValueOrDefault(step.Handler) is not { } handler)
        {
            throw new StepFaultException(
                $"The handler '{step.Handler}' is not loaded: the plugin's assembly must provide it, listed in plugin.json under assembly.steps. " +
                $"Once it does, retry the step, or route the request to one of {outcomes}.");
        }

        CustomStepResult? result;
        try
        {
            result = handler.Run(new CustomStepInput(step.Id, Facts(), (JsonObject)step.Settings.DeepClone(), _context.Now.ToDateTimeOffset()));
        }
        catch (Exception e)
        {
            throw new StepFaultException($"{step.Handler}: {Bounded(e.Message) ?? e.GetType().Name}");
        }

        if (result?.Outcome is not { } outcome)
        {
            throw new StepFaultException($"{step.Handler} returned no outcome; it must return one of {outcomes}.");
        }

        if (!step.Outcomes.ContainsKey(outcome))
        {
            throw new StepFaultException($"{step.Handler} returned the outcome {Quote.Of(outcome)}, which step '{step.Id}' does not have; it has {outcomes}.");
        }

        return (outcome, Bounded(result.Detail));
    }

    /// <summary>A handler's text as the history keeps it: trimmed, at most <see cref="MaxHandlerTextLength"/> characters, null when blank.</summary>
    private static string? Bounded(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (text.Length <= MaxHandlerTextLength)
        {
            return text;
        }

        // Never cut between the two halves of a surrogate pair, which would leave text no encoder accepts.
        var cut = MaxHandlerTextLength - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }

    private void RestWithDeadline(StepToken token, DurationSpec? after, DurationSpec? warnBefore)
    {
        if (after is null)
        {
            Rest(token);
            return;
        }

        var due = Deadlines.DueAt(_context.Now, after, _context.Calendar);
        var warn = warnBefore is null ? (NodaTime.Instant?)null : Deadlines.WarnAt(due, warnBefore, _context.Calendar);
        if (warn <= _context.Now)
        {
            warn = null; // the period is shorter than the warning: nothing useful to warn ahead of
        }

        Rest(token with { DueAt = due, WarnAt = warn });
        _effects.Add(new ArmTimer(TimerNames.Due(token.Id), due));
        if (warn is { } warnAt)
        {
            _effects.Add(new ArmTimer(TimerNames.Warn(token.Id), warnAt));
        }
    }

    private void Rest(StepToken token) => _tokens.Add(token);

    private void Arrive(JoinStep join, StepToken token)
    {
        var fork = token.Forks.Count > 0 ? token.Forks[^1] : null;
        if (fork is null || !fork.StartsWith(join.Parallel + "#", StringComparison.Ordinal))
        {
            Rest(token with { State = TokenState.Faulted, Error = $"Arrived at join '{join.Id}' from outside the branches of '{join.Parallel}'." });
            return;
        }

        Rest(token);
        var arrived = _tokens.Where(t => t.StepId == join.Id && t.Forks.Count > 0 && t.Forks[^1] == fork).ToList();
        if (arrived.Count < ((ParallelStep)_definition.Step(join.Parallel)).Outcomes.Count)
        {
            return;
        }

        foreach (var branch in arrived)
        {
            Remove(branch);
        }

        // Leaving the join continues outside the parallel: the fork it closes is dropped.
        Record(join.Id, JoinStep.Joined);
        Enter(join.Outcomes[JoinStep.Joined], token.Forks.Take(token.Forks.Count - 1).ToList());
    }

    private JsonObject Facts()
    {
        var facts = (JsonObject)_context.Facts.DeepClone();
        facts["form"] = new JsonObject(_forms.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value.DeepClone())));
        return facts;
    }

    /// <summary>Why a custom step faulted, worded for officers; thrown only inside a step's run, for RunOrFault to record.</summary>
    private sealed class StepFaultException(string message) : Exception(message);
}
