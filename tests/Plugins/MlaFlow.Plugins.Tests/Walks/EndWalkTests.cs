using MlaFlow.Testing.Walks;
using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Plugins.Tests.Walks;

/// <summary>
/// Every end of every shipped workflow can be reached by driving the real engine: a definition may pass the
/// loader's graph checks (every step reachable, every step with a path to an end) and still hold an end no request
/// reaches, because a decision cannot go that way for any facts, a join waits for a branch that never comes, or an
/// await takes a message meant for another step. Each end is its own test case, so a report names the one that failed.
/// </summary>
public sealed class EndWalkTests
{
    [Theory]
    [MemberData(nameof(WalkCases.Reachable), MemberType = typeof(WalkCases))]
    public void the_engine_ends_the_workflow_at_the_end_step_with_its_status_and_ground(string country, string side, string kind, string end)
    {
        var target = WalkTarget.Resolve(country, side, kind, end);
        var walk = PlannedWalk.To(target)
            .ShouldNotBeNull($"No request leads {target}: no route reaches it under any of {string.Join("; ", RequestScenarios.For(target))}.");

        var driver = new WorkflowDriver(target, walk);
        driver.Run();

        var instance = driver.Instance;
        instance.Ended.ShouldBe(target.End.Status, driver.Describe());
        instance.Ground.ShouldBe(target.End.Ground);
        instance.History[^1].StepId.ShouldBe(target.End.Id, "the instance ended at another end with the same status");
        instance.Tokens.ShouldBeEmpty("an end ends the whole instance, other branches included");
        driver.Armed.Keys.ShouldBeEmpty("every timer of a step left or cut short by the end is disarmed");
        var sends = walk.Moves.Where(m => target.Definition.Step(m.StepId) is SendStep).Select(m => m.StepId);
        sends.ShouldBeSubsetOf(driver.Outbox.Sent.Select(s => s.StepId), "each send step on the route hands its message to the outbox");
    }

    [Fact]
    public void every_end_listed_as_unreachable_exists_and_no_request_reaches_it()
    {
        foreach (var listed in UnreachableEnds.Listed)
        {
            listed.Why.ShouldNotBeNullOrWhiteSpace($"{listed} must say why it cannot be reached.");
            var target = WalkTarget.Resolve(listed.Country, listed.Side, listed.Kind, listed.End);
            PlannedWalk.To(target).ShouldBeNull($"{target} is listed as unreachable ({listed.Why}), but a request reaches it: take it off the list.");
        }
    }
}
