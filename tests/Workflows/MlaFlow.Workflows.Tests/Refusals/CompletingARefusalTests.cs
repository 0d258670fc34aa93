using System.Text.Json.Nodes;
using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Execution;
using MlaFlow.Workflows.Tests.Execution;
using MlaFlow.Workflows.Tests.Loading;

namespace MlaFlow.Workflows.Tests.Refusals;

/// <summary>The engine completes a task with an outcome only with the fields required for it: a refusal names its ground.</summary>
public sealed class CompletingARefusalTests
{
    private readonly EngineHarness _engine = new EngineHarness(Load.Definition(RefusalSample.Definition)).Start();

    [Fact]
    public void a_refusal_without_its_ground_is_refused_and_changes_nothing()
    {
        var before = _engine.Instance;

        var refused = Should.Throw<FormValidationException>(() => _engine.Complete("check", "refuse", new JsonObject { ["notes"] = "Political." }));

        refused.Errors.ShouldBe(new Dictionary<string, string> { ["refusalGround"] = "Required to complete the task with 'refuse'." });
        _engine.Instance.ShouldBeSameAs(before);
        _engine.Sent.ShouldBeEmpty();
    }

    [Fact]
    public void a_refusal_with_its_ground_ends_refused_on_that_ground()
    {
        _engine.Complete("check", "refuse", new JsonObject { ["refusalGround"] = "politicalOffence" });

        (_engine.Instance.Ended, _engine.Instance.Ground).ShouldBe((FinalStatus.Refused, "Political offence"));
    }

    [Fact]
    public void another_outcome_needs_no_ground()
    {
        _engine.Complete("check", "complete");

        _engine.Instance.Ended.ShouldBe(FinalStatus.Executed);
    }
}
