using System.Text.Json.Nodes;
using MlaFlow.Testing.Walks;
using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Execution;
using NodaTime;

namespace MlaFlow.Plugins.Tests.Walks;

/// <summary>
/// Drives the real <see cref="WorkflowEngine"/> along a route, as a request grain would: tasks are completed,
/// messages and signals delivered, and timers fired when they fall due, on a fake clock moved forward to them.
/// It keeps the timers the engine asked to arm, and fires only those, so a deadline the engine forgot to arm
/// fails the walk. At a join it brings the parallel's other branches there first, along routes of their own.
/// </summary>
internal sealed class WorkflowDriver
{
    private readonly WalkTarget _target;
    private readonly PlannedWalk _walk;
    private readonly Dictionary<string, Instant> _armed = new(StringComparer.Ordinal);

    /// <summary>Starts an instance of the target's definition for the walk's request.</summary>
    public WorkflowDriver(WalkTarget target, PlannedWalk walk)
    {
        (_target, _walk) = (target, walk);
        Instance = Apply(WorkflowEngine.Start(Definition, Reference, Context()));
    }

    /// <summary>Monday 2 March 2026, the morning in every Lancang–Mekong state: an ordinary working day everywhere.</summary>
    public Instant Now { get; private set; } = Instant.FromUtc(2026, 3, 2, 2, 0);

    public WorkflowInstance Instance { get; private set; }

    public RecordingOutbox Outbox { get; } = new();

    /// <summary>The timers armed and not yet disarmed or fired, by name.</summary>
    public IReadOnlyDictionary<string, Instant> Armed => _armed;

    private WorkflowDefinition Definition => _target.Definition;

    private WorkflowRef Reference => new(_target.Country, Definition.Side, Definition.Kind, Definition.Version);

    /// <summary>Takes every move of the planned walk.</summary>
    /// <exception cref="WalkFailedException">The step a move leaves has no waiting token, or the engine did not take it out.</exception>
    public void Run() => Walk(_walk.Moves);

    /// <summary>The target, the route and where the tokens rest: what a failed walk reports.</summary>
    public string Describe() =>
        $"{_target}, {_walk}; tokens: [{string.Join(", ", Instance.Tokens.Select(t => $"#{t.Id} {t.StepId} {t.State}{(t.Error is null ? "" : $" ({t.Error})")}"))}]"
        + $"; ended: {Instance.Ended?.ToString() ?? "no"}; history: {string.Join(" | ", Instance.History.Select(h => $"{h.StepId} {h.What}"))}";

    /// <summary>Takes each move in turn; steps that pass by themselves (send, decision, parallel) need nothing.</summary>
    private void Walk(IReadOnlyList<Move> moves)
    {
        foreach (var move in moves)
        {
            switch (Definition.Step(move.StepId))
            {
                case TaskStep task when move.Outcome == task.Deadline?.Outcome:
                    FireDue(Waiting(move), move);
                    break;
                case TaskStep:
                    var token = Waiting(move);
                    Apply(WorkflowEngine.CompleteTask(Definition, Instance, token.Id, move.Outcome, move.Form ?? [], Context()));
                    break;
                case AwaitStep wait when move.Outcome == AwaitStep.Received:
                    var waiting = Waiting(move);
                    Apply(wait.Message is { } message
                        ? WorkflowEngine.Receive(Definition, Instance, message, Context())
                        : WorkflowEngine.Signal(Definition, Instance, wait.Signal!, Context()));
                    ShouldHaveLeft(waiting, move, $"the {wait.Message?.ToString() ?? wait.Signal} went to another step");
                    break;
                case AwaitStep or TimerStep:
                    FireDue(Waiting(move), move);
                    break;
                case JoinStep join:
                    BringOtherBranchesTo(join, move);
                    break;
            }
        }
    }

    /// <summary>
    /// The route's token has arrived at the join; the join waits for every branch of its parallel. Each other
    /// token still inside that fork is walked to the join along a route planned from where it rests.
    /// </summary>
    private void BringOtherBranchesTo(JoinStep join, Move move)
    {
        var arrived = Waiting(move);
        var fork = arrived.Forks[^1];
        var branches = ((ParallelStep)Definition.Step(join.Parallel)).Outcomes.Count;
        for (var i = 0; i < branches && Instance.Tokens.FirstOrDefault(t => t.StepId != join.Id && t.Forks.Contains(fork)) is { } other; i++)
        {
            var route = new RoutePlanner(Definition, _walk.Scenario.Facts).Find(other.StepId, join.Id, Instance.Forms)
                ?? throw new WalkFailedException($"The branch at '{other.StepId}' has no route to join '{join.Id}' — {Describe()}");
            Walk(route);
        }

        ShouldHaveLeft(arrived, move, "the join did not close after every branch arrived");
    }

    private void FireDue(StepToken token, Move move)
    {
        var name = TimerNames.Due(token.Id);
        if (!_armed.TryGetValue(name, out var dueAt) || dueAt != token.DueAt)
        {
            throw new WalkFailedException($"Step '{token.StepId}' waits with a deadline at {token.DueAt}, but the engine armed no timer {name} for it — {Describe()}");
        }

        Now = Instant.Max(Now, dueAt);
        _armed.Remove(name);
        Apply(WorkflowEngine.TimerDue(Definition, Instance, name, dueAt, Context()));
        ShouldHaveLeft(token, move, "the due timer changed nothing");
    }

    private StepToken Waiting(Move move) =>
        Instance.Tokens.Where(t => t.StepId == move.StepId && t.State == TokenState.Waiting).MaxBy(t => t.Id)
        ?? throw new WalkFailedException($"Nothing waits at '{move.StepId}' to leave it through '{move.Outcome}' — {Describe()}");

    private void ShouldHaveLeft(StepToken token, Move move, string why)
    {
        if (Instance.Tokens.Any(t => t.Id == token.Id))
        {
            throw new WalkFailedException($"Step '{move.StepId}' (#{token.Id}) was not left through '{move.Outcome}': {why} — {Describe()}");
        }
    }

    private WorkflowInstance Apply(WorkflowTransition transition)
    {
        foreach (var effect in transition.Effects)
        {
            switch (effect)
            {
                case ArmTimer arm:
                    _armed[arm.Name] = arm.DueAt;
                    break;
                case DisarmTimer disarm:
                    _armed.Remove(disarm.Name);
                    break;
            }
        }

        return Instance = transition.Instance;
    }

    private WorkflowContext Context() =>
        new(Now, "officer:walk", (JsonObject)_walk.Scenario.Facts.DeepClone(), _target.Plugin.Manifest.Calendar, Outbox);
}
