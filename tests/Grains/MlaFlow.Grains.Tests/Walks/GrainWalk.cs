using Microsoft.Extensions.Time.Testing;
using MlaFlow.Grains.Authorities;
using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Testing;
using MlaFlow.Testing.Walks;
using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Execution;

namespace MlaFlow.Grains.Tests.Walks;

/// <summary>
/// Drives a real request through the grains along a planned route, as its users and its counterpart would: a
/// task is completed by someone in its role, a message the counterpart would send is delivered to the request, and
/// a deadline or timer is left to fall due (the time moved past it, its reminder fires). The copy is
/// walked alone: the node serves no counterpart, so nothing it sends comes back on its own and moves it elsewhere.
/// </summary>
internal sealed class GrainWalk(TestSilo silo, FakeTimeProvider time, WalkTarget target, PlannedWalk walk)
{
    private int _messages;

    public AssistanceRequest Request { get; private set; } = null!;

    private WorkflowDefinition Definition => target.Definition;

    private IAssistanceRequestGrain Grain => silo.Grains.GetGrain<IAssistanceRequestGrain>(Request.Id.Value);

    /// <summary>
    /// Opens the request (the requesting authority creates it; on the requested side, its authority then receives
    /// it, which opens its own copy) and takes every move of the route.
    /// </summary>
    /// <exception cref="InvalidOperationException">The request did not follow the route; the message says where it stood.</exception>
    public async Task RunAsync()
    {
        var draft = walk.Scenario.Draft;
        var requesting = ShippedPlugins.Catalog.For(walk.Scenario.Requesting)!.Manifest.Authorities[0].Id;
        var origin = (await silo.Grains.GetGrain<IAuthorityGrain>(requesting.Value)
            .CreateRequestAsync(draft, new Actor(requesting, "officer", "walk"), null)).Request;
        Request = origin;
        if (Definition.Side == WorkflowSide.Requested)
        {
            var id = await silo.Grains.GetGrain<IAuthorityGrain>(draft.Requested.Authority.Value).ReceiveRequestAsync(new IncomingRequest($"{origin.Id}/m1", origin));
            Request = (await silo.Grains.GetGrain<IAssistanceRequestGrain>(id).GetAsync())!;
        }

        await WalkAsync(walk.Moves);
    }

    /// <summary>The target, the route and where the tokens rest: what a failed walk reports.</summary>
    public string Describe() =>
        $"{target}, {walk}; request {Request?.Id} {Request?.Status}; tokens: [{string.Join(", ", Request?.Workflow?.Steps.Select(t => $"#{t.Id} {t.StepId} {t.State}") ?? [])}]"
        + $"; history: {string.Join(" | ", Request?.Workflow?.History.Select(h => $"{h.StepId} {h.What}") ?? [])}";

    private async Task WalkAsync(IReadOnlyList<Move> moves)
    {
        foreach (var move in moves)
        {
            switch (Definition.Step(move.StepId))
            {
                case TaskStep task when move.Outcome == task.Deadline?.Outcome:
                    await FallDueAsync(Waiting(move), move);
                    break;
                case TaskStep task:
                    Request = await Grain.CompleteTaskAsync(ActorFor(task.Role), Waiting(move).Id, move.Outcome, move.Form ?? []);
                    break;
                case AwaitStep { Message: { } message } when move.Outcome == AwaitStep.Received:
                    var waiting = Waiting(move);
                    var from = Request.Counterpart ?? $"{Request.Other.Authority}-counterpart";
                    await Grain.ReceiveMessageAsync(new IncomingMessage($"{from}/walk-{++_messages}", message, from));
                    await ShouldHaveLeftAsync(waiting, move, $"the {message} went to another step");
                    break;
                case AwaitStep { Signal: { } signal } when move.Outcome == AwaitStep.Received:
                    throw new InvalidOperationException($"No grain operation raises signal '{signal}'; plan without signals — {Describe()}");
                case AwaitStep or TimerStep:
                    await FallDueAsync(Waiting(move), move);
                    break;
                case JoinStep join:
                    await BringOtherBranchesToAsync(join, move);
                    break;
            }
        }
    }

    /// <summary>The route's token has arrived at the join; every other token of its fork is walked there along a route of its own.</summary>
    private async Task BringOtherBranchesToAsync(JoinStep join, Move move)
    {
        var arrived = Waiting(move);
        var fork = arrived.Forks[^1];
        var branches = ((ParallelStep)Definition.Step(join.Parallel)).Outcomes.Count;
        for (var i = 0; i < branches && Request.Workflow!.Steps.FirstOrDefault(t => t.StepId != join.Id && t.Forks.Contains(fork)) is { } other; i++)
        {
            var route = new RoutePlanner(Definition, walk.Scenario.Facts, signals: false).Find(other.StepId, join.Id, Request.Workflow.Forms)
                ?? throw new InvalidOperationException($"The branch at '{other.StepId}' has no route to join '{join.Id}' — {Describe()}");
            await WalkAsync(route);
        }

        await ShouldHaveLeftAsync(arrived, move, "the join did not close after every branch arrived");
    }

    private async Task FallDueAsync(OpenStep token, Move move)
    {
        var due = token.DueAt ?? throw new InvalidOperationException($"Step '{token.StepId}' waits with no deadline to leave it through '{move.Outcome}' — {Describe()}");
        try
        {
            await time.PassUntilAsync(due.ToDateTimeOffset(), async () => (await Grain.GetAsync())!.Workflow!.Steps.Any(t => t.Id == token.Id) ? null : "left", $"the deadline of '{token.StepId}'");
        }
        catch (TimeoutException)
        {
            // Reported below, with where the request stands.
        }

        await ShouldHaveLeftAsync(token, move, "the deadline fell due and changed nothing");
    }

    private OpenStep Waiting(Move move) =>
        Request.Workflow!.Steps.Where(t => t.StepId == move.StepId && t.State == StepState.Waiting).MaxBy(t => t.Id)
        ?? throw new InvalidOperationException($"Nothing waits at '{move.StepId}' to leave it through '{move.Outcome}' — {Describe()}");

    private async Task ShouldHaveLeftAsync(OpenStep token, Move move, string why)
    {
        Request = (await Grain.GetAsync())!;
        if (Request.Workflow!.Steps.Any(t => t.Id == token.Id))
        {
            throw new InvalidOperationException($"Step '{move.StepId}' (#{token.Id}) was not left through '{move.Outcome}': {why} — {Describe()}");
        }
    }

    // The executing authority has no account: the central authority's officer records what it did.
    private Actor ActorFor(string role) => new(Request.Own.Authority, role == "executing" ? "officer" : role, "walk");
}
