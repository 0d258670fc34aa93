using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Execution;
using static MlaFlow.Workflows.Tests.Execution.Flow;

namespace MlaFlow.Workflows.Tests.Execution;

/// <summary>Moving a running instance to a new version of its definition, with a step mapping.</summary>
public sealed class MigrationTests
{
    private static readonly WorkflowDefinition Version1 = Of("register", Task("register", ("done", "review")), Task("review", ("done", "end")), End("end"));

    private static readonly WorkflowDefinition Version2 = Of("register",
        Task("register", ("done", "check")), Task("check", ("done", "review-by-ca")), Task("review-by-ca", ("done", "end")), End("end")) with { Version = 2 };

    [Fact]
    public void a_complete_mapping_moves_every_token_and_records_it()
    {
        var engine = new EngineHarness(Version1).Start();
        engine.Complete("register", "done");

        var migrated = WorkflowEngine.Migrate(Version1, Version2, engine.Instance, new Dictionary<string, string> { ["review"] = "review-by-ca" }, engine.Context).Instance;

        migrated.Definition.Version.ShouldBe(2);
        migrated.Tokens.ShouldHaveSingleItem().StepId.ShouldBe("review-by-ca");
        migrated.History.ShouldContain(h => h.StepId == "review" && h.What == "migrated to v2" && h.Detail == "review-by-ca");
    }

    [Fact]
    public void an_incomplete_mapping_is_refused_and_changes_nothing()
    {
        var engine = new EngineHarness(Version1).Start();

        var refused = Should.Throw<WorkflowOperationException>(() =>
            WorkflowEngine.Migrate(Version1, Version2, engine.Instance, new Dictionary<string, string> { ["review"] = "review-by-ca" }, engine.Context));

        refused.Message.ShouldBe("The migration from version 1 to 2 is refused: no new step for register.");
        engine.Instance.Definition.Version.ShouldBe(1);
    }

    [Fact]
    public void a_mapping_to_a_step_the_new_version_lacks_is_refused()
    {
        var engine = new EngineHarness(Version1).Start();

        Should.Throw<WorkflowOperationException>(() =>
                WorkflowEngine.Migrate(Version1, Version2, engine.Instance, new Dictionary<string, string> { ["register"] = "registration" }, engine.Context))
            .Message.ShouldBe("The migration from version 1 to 2 is refused: unknown steps in register → registration.");
    }
}
