using System.Text.Json.Nodes;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Workflows.Conditions;
using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Execution;
using NodaTime;
using static MlaFlow.Workflows.Tests.Execution.Flow;

namespace MlaFlow.Workflows.Tests.Execution;

public sealed class WorkflowEngineTests
{
    [Fact]
    public void a_workflow_starts_at_its_start_step_and_rests_at_the_first_task()
    {
        var engine = new EngineHarness(Of("register", Task("register", ("done", "end")), End("end"))).Start();

        engine.Instance.Tokens.ShouldHaveSingleItem().StepId.ShouldBe("register");
        engine.Instance.IsEnded.ShouldBeFalse();
        engine.Instance.History.ShouldHaveSingleItem().What.ShouldBe("started");
    }

    [Fact]
    public void completing_a_task_takes_its_outcome_and_keeps_its_form()
    {
        var register = new TaskStep("register", "officer", "Register", [new FormField("number", FormFieldType.Text, true, 20, null)], null, Out(("registered", "review")));
        var engine = new EngineHarness(Of("register", register, Task("review", ("ok", "end")), End("end"))).Start();

        engine.Complete("register", "registered", new JsonObject { ["number"] = "TH-2026-7" });

        engine.Token("review").ShouldNotBeNull();
        engine.Instance.Forms["register"]["number"]!.GetValue<string>().ShouldBe("TH-2026-7");
        engine.Instance.History.Last().ShouldBe(new HistoryEntry(engine.Now, "register", "registered", "officer:TH-OAG:test"));
    }

    [Fact]
    public void a_task_is_not_completed_with_an_outcome_it_does_not_have()
    {
        var engine = new EngineHarness(Of("register", Task("register", ("done", "end")), End("end"))).Start();
        var before = engine.Instance;

        Should.Throw<WorkflowOperationException>(() => engine.Complete("register", "skipped")).Message
            .ShouldBe("Task 'register' is completed with one of done, not 'skipped'.");
        engine.Instance.ShouldBeSameAs(before);
    }

    [Fact]
    public void a_task_is_not_completed_with_form_data_its_form_refuses()
    {
        var form = new List<FormField>
        {
            new("number", FormFieldType.Text, true, 5, null),
            new("decision", FormFieldType.Choice, true, null, ["grant", "refuse"]),
            new("hearing", FormFieldType.Date, false, null, null),
        };
        var engine = new EngineHarness(Of("t", new TaskStep("t", "officer", "t", form, null, Out(("done", "end"))), End("end"))).Start();

        var refused = Should.Throw<FormValidationException>(() => engine.Complete("t", "done",
            new JsonObject { ["number"] = "too long", ["decision"] = "maybe", ["hearing"] = "next week", ["extra"] = 1 }));

        refused.Errors.ShouldBe(new Dictionary<string, string>
        {
            ["extra"] = "This task's form has no such field.",
            ["number"] = "At most 5 characters.",
            ["decision"] = "One of grant, refuse expected.",
            ["hearing"] = "A date YYYY-MM-DD expected.",
        }, ignoreOrder: true);
    }

    [Fact]
    public void a_send_step_puts_its_message_in_the_outbox_and_moves_on()
    {
        var engine = new EngineHarness(Of("ack", new SendStep("ack", MessageType.Acknowledgement, Out(("sent", "wait"))), Task("wait", ("done", "end")), End("end"))).Start();

        engine.Sent.ShouldBe([(MessageType.Acknowledgement, "ack")]);
        engine.Token("wait").ShouldNotBeNull();
    }

    [Fact]
    public void a_send_the_outbox_refuses_is_faulted_then_retried_or_routed_by_an_officer()
    {
        var definition = Of("ack", new SendStep("ack", MessageType.Acknowledgement, Out(("sent", "end"))), End("end"));
        var engine = new EngineHarness(definition) { OutboxFailure = "The channel to CN is suspended." }.Start();

        var faulted = engine.Token("ack");
        faulted.State.ShouldBe(TokenState.Faulted);
        faulted.Error.ShouldBe("The channel to CN is suspended.");

        engine.Retry("ack");
        engine.Token("ack").State.ShouldBe(TokenState.Faulted); // still suspended
        engine.OutboxFailure = null;
        engine.Retry("ack");

        engine.Instance.Ended.ShouldBe(FinalStatus.Executed);
        engine.Sent.ShouldHaveSingleItem();
    }

    [Fact]
    public void a_faulted_step_can_be_routed_to_one_of_its_outcomes()
    {
        var definition = Of("ack", new SendStep("ack", MessageType.Acknowledgement, Out(("sent", "end"))), End("end"));
        var engine = new EngineHarness(definition) { OutboxFailure = "down" }.Start();

        engine.Route("ack", "sent");

        engine.Instance.Ended.ShouldBe(FinalStatus.Executed);
        engine.Instance.History.ShouldContain(h => h.What == "sent" && h.Detail == "routed after fault: down");
    }

    [Fact]
    public void a_decision_takes_the_first_case_that_holds_else_otherwise()
    {
        var decision = new DecisionStep("route",
            [
                new DecisionCase(new FieldCondition("request.urgency", ConditionOperator.Eq, "immediate"), "urgent"),
                new DecisionCase(new FieldCondition("request.persons.nationality", ConditionOperator.Eq, "TH"), "national"),
            ],
            "normal",
            Out(("urgent", "fast"), ("national", "refuse"), ("normal", "slow")));
        var definition = Of("route", decision, Task("fast", ("done", "end")), Task("slow", ("done", "end")), End("refuse", FinalStatus.Refused, "nationality"), End("end"));
        JsonObject Facts(string urgency, string nationality) => new()
        {
            ["request"] = new JsonObject { ["urgency"] = urgency, ["persons"] = new JsonArray(new JsonObject { ["nationality"] = "CN" }, new JsonObject { ["nationality"] = nationality }) },
        };

        new EngineHarness(definition, Facts("immediate", "TH")).Start().Token("fast").ShouldNotBeNull();
        new EngineHarness(definition, Facts("normal", "TH")).Start().Instance.Ground.ShouldBe("nationality");
        new EngineHarness(definition, Facts("normal", "CN")).Start().Token("slow").ShouldNotBeNull();
    }

    [Fact]
    public void a_decision_can_read_the_form_of_an_earlier_task()
    {
        var review = new TaskStep("review", "officer", "Review", [new FormField("complete", FormFieldType.Boolean, true, null, null)], null, Out(("done", "check")));
        var check = new DecisionStep("check", [new DecisionCase(new FieldCondition("form.review.complete", ConditionOperator.Eq, true), "yes")], "no", Out(("yes", "end"), ("no", "more")));
        var engine = new EngineHarness(Of("review", review, check, Task("more", ("done", "end")), End("end"))).Start();

        engine.Complete("review", "done", new JsonObject { ["complete"] = false });

        engine.Token("more").ShouldNotBeNull();
    }

    [Fact]
    public void an_awaited_message_resumes_the_step_and_an_unexpected_one_is_refused()
    {
        var wait = new AwaitStep("wait", MessageType.AdditionalInformation, null, null, Out(("received", "end")));
        var engine = new EngineHarness(Of("wait", wait, End("end"))).Start();

        Should.Throw<WorkflowOperationException>(() => engine.Receive(MessageType.Withdrawal)).Message
            .ShouldBe("No step of this workflow awaits a Withdrawal message.");
        engine.Receive(MessageType.AdditionalInformation);

        engine.Instance.Ended.ShouldBe(FinalStatus.Executed);
    }

    [Fact]
    public void an_awaited_signal_resumes_its_step_and_one_not_awaited_is_refused_naming_those_that_are()
    {
        var split = new ParallelStep("split", Out(("main", "work"), ("withdrawal", "await-withdraw")));
        var wait = new AwaitStep("await-withdraw", null, "withdraw", null, Out(("received", "withdrawn")));
        var engine = new EngineHarness(Of("split", split, Task("work", ("done", "end")), wait, End("end"), End("withdrawn", FinalStatus.Withdrawn))).Start();

        Should.Throw<WorkflowOperationException>(() => engine.Signal("cancel")).Message
            .ShouldBe("No step of this workflow awaits the signal 'cancel'; it awaits withdraw.");
        engine.Signal("withdraw");

        engine.Instance.Ended.ShouldBe(FinalStatus.Withdrawn);
    }

    [Fact]
    public void a_signal_with_nothing_awaiting_one_is_refused_saying_so()
    {
        var engine = new EngineHarness(Of("work", Task("work", ("done", "end")), End("end"))).Start();

        Should.Throw<WorkflowOperationException>(() => engine.Signal("withdraw")).Message
            .ShouldBe("No step of this workflow awaits the signal 'withdraw'; none awaits a signal now.");
    }

    [Fact]
    public void a_timer_arms_a_durable_timer_and_elapses_once_when_it_fires()
    {
        var timer = new TimerStep("wait", new DurationSpec(DurationUnit.Hours, 8), null, Out(("elapsed", "end")));
        var engine = new EngineHarness(Of("wait", timer, End("end"))).Start();
        var token = engine.Token("wait");
        var armed = engine.Effects.OfType<ArmTimer>().ShouldHaveSingleItem();

        armed.ShouldBe(new ArmTimer(TimerNames.Due(token.Id), engine.Now + Duration.FromHours(8)));
        engine.Fire(armed.Name, armed.DueAt + Duration.FromHours(1)); // a stale time does nothing
        engine.Instance.IsEnded.ShouldBeFalse();
        engine.Fire(armed.Name, armed.DueAt);
        engine.Instance.Ended.ShouldBe(FinalStatus.Executed);
        var afterEnd = engine.Instance;
        engine.Fire(armed.Name, armed.DueAt); // a repeated firing does nothing
        engine.Instance.ShouldBeSameAs(afterEnd);
    }

    [Fact]
    public void a_task_deadline_warns_ahead_then_escalates_and_completing_in_time_disarms_it()
    {
        var deadline = new DeadlineDefinition(new DurationSpec(DurationUnit.WorkingDays, 5), new DurationSpec(DurationUnit.WorkingDays, 1), "overdue");
        var register = new TaskStep("register", "officer", "Register", [], deadline, Out(("registered", "end"), ("overdue", "escalate")));
        var definition = Of("register", register, Task("escalate", ("registered", "end")), End("end"));

        var late = new EngineHarness(definition).Start();
        var token = late.Token("register");
        late.Fire(TimerNames.Warn(token.Id), token.WarnAt!.Value);
        late.Effects.OfType<DeadlineWarning>().ShouldHaveSingleItem().DueAt.ShouldBe(token.DueAt!.Value);
        late.Token("register").WarnAt.ShouldBeNull();
        late.Fire(TimerNames.Warn(token.Id), token.WarnAt!.Value); // a repeated warning timer finds nothing to do
        late.Effects.OfType<DeadlineWarning>().Count().ShouldBe(1);
        late.Fire(TimerNames.Due(token.Id), token.DueAt!.Value);
        late.Token("escalate").ShouldNotBeNull();

        var onTime = new EngineHarness(definition).Start();
        var first = onTime.Token("register");
        onTime.Complete("register", "registered");
        onTime.Effects.OfType<DisarmTimer>().Select(d => d.Name).ShouldBe([TimerNames.Due(first.Id), TimerNames.Warn(first.Id)], ignoreOrder: true);
        Should.Throw<WorkflowOperationException>(() => new EngineHarness(definition).Start().Complete("register", "overdue"));
    }

    [Fact]
    public void a_join_waits_for_every_branch_of_its_parallel_then_continues_once()
    {
        var definition = Of("split",
            new ParallelStep("split", Out(("hearing", "hear"), ("records", "records"))),
            Task("hear", ("done", "join")),
            Task("records", ("done", "join")),
            new JoinStep("join", "split", Out(("joined", "review"))),
            Task("review", ("done", "end")),
            End("end"));
        var engine = new EngineHarness(definition).Start();

        engine.Instance.Tokens.Select(t => t.StepId).ShouldBe(["hear", "records"], ignoreOrder: true);
        engine.Complete("hear", "done");
        engine.Instance.Tokens.Select(t => t.StepId).ShouldBe(["records", "join"], ignoreOrder: true);
        engine.Complete("records", "done");

        engine.Instance.Tokens.ShouldHaveSingleItem().StepId.ShouldBe("review");
        engine.Token("review").Forks.ShouldBeEmpty();
    }

    [Fact]
    public void an_end_closes_every_open_branch_and_disarms_its_timers()
    {
        var definition = Of("split",
            new ParallelStep("split", Out(("a", "wait"), ("b", "withdraw"))),
            new TimerStep("wait", new DurationSpec(DurationUnit.CalendarDays, 30), null, Out(("elapsed", "end"))),
            Task("withdraw", ("withdrawn", "withdrawn")),
            End("withdrawn", FinalStatus.Withdrawn),
            End("end"));
        var engine = new EngineHarness(definition).Start();
        var timer = engine.Token("wait");

        engine.Complete("withdraw", "withdrawn");

        engine.Instance.Ended.ShouldBe(FinalStatus.Withdrawn);
        engine.Instance.Tokens.ShouldBeEmpty();
        engine.Effects.ShouldContain(new DisarmTimer(TimerNames.Due(timer.Id)));
    }

    [Fact]
    public void steps_that_loop_without_waiting_are_cut_off_and_faulted()
    {
        var spin = new DecisionStep("spin", [], "again", Out(("again", "spin")));
        var engine = new EngineHarness(Of("spin", spin, End("end"))).Start();

        var token = engine.Instance.Tokens.ShouldHaveSingleItem();
        token.State.ShouldBe(TokenState.Faulted);
        token.Error!.ShouldContain("loops");
    }

    [Fact]
    public void a_branch_that_loops_back_into_its_parallel_does_not_nest_deeper()
    {
        var definition = Of("follow",
            new ParallelStep("follow", Out(("questions", "await-question"), ("withdrawal", "withdraw"))),
            new AwaitStep("await-question", MessageType.RequestForAdditionalInformation, null, null, Out(("received", "answer"))),
            Task("answer", ("answered", "follow")),
            Task("withdraw", ("withdrawn", "end")),
            End("end"));
        var engine = new EngineHarness(definition).Start();

        for (var question = 0; question < 20; question++)
        {
            engine.Receive(MessageType.RequestForAdditionalInformation);
            engine.Complete("answer", "answered");
        }

        engine.Instance.Tokens.Max(t => t.Forks.Count).ShouldBe(1);
    }
}
