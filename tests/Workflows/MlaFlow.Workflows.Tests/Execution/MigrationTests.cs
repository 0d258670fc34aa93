using MlaFlow.Plugins.Sdk;
using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Execution;
using static MlaFlow.Workflows.Tests.Execution.Flow;

namespace MlaFlow.Workflows.Tests.Execution;

/// <summary>
/// Moving a running instance to another version of its definition, with a step mapping: only to steps that wait, and
/// never past a person who has not acted, so a migration cannot decide an outcome the steps did not reach.
/// </summary>
public sealed class MigrationTests
{
    private const string Reason = "v2 adds the central authority's check";

    private static readonly WorkflowDefinition Version1 = Of("register",
        Task("register", ("done", "review")), Task("review", ("done", "notify")), Send("notify", ("sent", "end")), End("end"));

    private static readonly WorkflowDefinition Version2 = Of("register",
        Task("register", ("done", "check")), Task("check", ("done", "review-by-ca")), Task("review-by-ca", ("done", "notify")),
        Send("notify", ("sent", "end")), End("end")) with { Version = 2 };

    [Fact]
    public void a_complete_mapping_moves_every_token_and_records_it_with_the_reason()
    {
        var engine = new EngineHarness(Version1).Start();
        engine.Complete("register", "done");

        var migrated = WorkflowEngine.Migrate(Version1, Version2, engine.Instance, new Dictionary<string, string> { ["review"] = "check" }, Reason, engine.Context);

        migrated.Instance.Definition.Version.ShouldBe(2);
        migrated.Instance.Tokens.ShouldHaveSingleItem().StepId.ShouldBe("check");
        migrated.Instance.History.ShouldContain(h => h.StepId == "review" && h.What == "migrated to v2" && h.Detail == $"check: {Reason}");
        migrated.Effects.OfType<Migrated>().ShouldHaveSingleItem().ShouldBe(new Migrated(1, 2, Reason));
    }

    [Fact]
    public void an_incomplete_mapping_is_refused_and_changes_nothing()
    {
        var engine = new EngineHarness(Version1).Start();

        Refusal(engine, Version2, new() { ["review"] = "check" }).ShouldBe("The migration from version 1 to 2 is refused: no new step for register.");
        engine.Instance.Definition.Version.ShouldBe(1);
    }

    [Fact]
    public void a_mapping_to_a_step_the_new_version_lacks_is_refused()
    {
        var engine = new EngineHarness(Version1).Start();

        Refusal(engine, Version2, new() { ["register"] = "registration" }).ShouldBe("The migration from version 1 to 2 is refused: unknown steps in register → registration.");
    }

    [Fact]
    public void a_migration_within_the_version_the_request_runs_is_refused()
    {
        var engine = new EngineHarness(Version1).Start();

        Refusal(engine, Version1, new() { ["register"] = "register" })
            .ShouldContain("the request already runs version 1; a migration moves it to another version");
    }

    [Theory]
    [InlineData("end", "end")]
    [InlineData("notify", "send")]
    public void a_step_is_never_moved_to_one_that_does_not_wait(string target, string type)
    {
        var engine = new EngineHarness(Version1).Start();

        Refusal(engine, Version2, new() { ["register"] = target })
            .ShouldContain($"register → {target}: {target} is a {type} step, and a step is moved only to one that waits (a task, an await, a timer)");
        engine.Instance.Tokens.ShouldHaveSingleItem().StepId.ShouldBe("register");
    }

    [Fact]
    public void a_step_is_never_moved_past_a_task_no_one_has_done()
    {
        var engine = new EngineHarness(Version1).Start();
        engine.Complete("register", "done");

        Refusal(engine, Version2, new() { ["review"] = "review-by-ca" })
            .ShouldContain("review → review-by-ca would pass check, which no one has done in this request");
    }

    [Fact]
    public void a_task_left_through_its_deadline_was_not_done_by_anyone()
    {
        var withDeadline = new TaskStep("register", "officer", "register", [], new DeadlineDefinition(new DurationSpec(DurationUnit.CalendarDays, 1), null, "overdue"),
            Out(("done", "review"), ("overdue", "review")));
        var version1 = Of("register", withDeadline, Task("review", ("done", "end")), End("end"));
        var version2 = Of("register", withDeadline, Task("review", ("done", "late-review")), Task("late-review", ("done", "end")), End("end")) with { Version = 2 };
        var engine = new EngineHarness(version1).Start();
        var deadline = engine.Effects.OfType<ArmTimer>().ShouldHaveSingleItem();
        engine.Fire(deadline.Name, deadline.DueAt);
        engine.Token("review"); // left by the timer, not by a person

        Refusal(engine, version2, new() { ["review"] = "late-review" }).ShouldContain("would pass register, review");
    }

    [Fact]
    public void a_step_after_a_join_is_past_the_tasks_of_every_branch()
    {
        var version1 = Of("split", new ParallelStep("split", Out(("a", "task-a"), ("b", "task-b"))),
            Task("task-a", ("done", "join")), Task("task-b", ("done", "join")), new JoinStep("join", "split", Out(("joined", "close"))),
            Task("close", ("done", "end")), End("end"));
        var version2 = version1 with { Version = 2 };
        var engine = new EngineHarness(version1).Start();
        engine.Complete("task-a", "done");

        Refusal(engine, version2, new() { ["task-b"] = "close" }).ShouldContain("task-b → close would pass task-b, which no one has done");
    }

    private static string Refusal(EngineHarness engine, WorkflowDefinition to, Dictionary<string, string> mapping) =>
        Should.Throw<WorkflowOperationException>(() => WorkflowEngine.Migrate(engine.Definition, to, engine.Instance, mapping, Reason, engine.Context)).Message;

    private static SendStep Send(string id, params (string, string)[] outcomes) => new(id, MessageType.Request, Out(outcomes));
}
