using System.Text.Json.Nodes;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Workflows.Conditions;
using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Workflows.Tests.Loading;

public sealed class ValidDefinitionTests
{
    [Fact]
    public void a_valid_definition_loads_with_its_header_and_steps_in_file_order()
    {
        var definition = Load.Definition(Samples.RequestedEvidence);

        definition.Side.ShouldBe(WorkflowSide.Requested);
        definition.Kind.ShouldBe(RequestKind.Evidence);
        definition.Version.ShouldBe(1);
        definition.Title.ShouldBe("Incoming request for evidence");
        definition.Start.ShouldBe("register");
        definition.Steps.Select(s => (s.Id, s.Type)).ShouldBe(
        [
            ("register", "task"), ("acknowledge", "send"), ("check", "decision"),
            ("escalate", "task"), ("execute", "task"), ("executed", "end"),
        ]);
    }

    [Fact]
    public void a_task_carries_its_role_form_deadline_and_outcomes()
    {
        var register = Load.Definition(Samples.RequestedEvidence).Step("register").ShouldBeOfType<TaskStep>();

        register.Role.ShouldBe("officer");
        register.Title.ShouldBe("Register and acknowledge receipt");
        register.Form.ShouldBe([new FormField("registrationNumber", FormFieldType.Text, Required: true, MaxLength: 50, Options: null)]);
        register.Deadline.ShouldBe(new DeadlineDefinition(
            new DurationSpec(DurationUnit.WorkingDays, 5), new DurationSpec(DurationUnit.WorkingDays, 1), "overdue"));
        register.Outcomes.ShouldBe(new Dictionary<string, string> { ["registered"] = "acknowledge", ["overdue"] = "escalate" });
    }

    [Fact]
    public void a_task_without_title_or_form_is_titled_by_its_id_and_asks_for_nothing()
    {
        var execute = Load.Definition(Samples.RequestedEvidence).Step("execute").ShouldBeOfType<TaskStep>();

        execute.Title.ShouldBe("execute");
        execute.Form.ShouldBeEmpty();
        execute.Deadline.ShouldBeNull();
    }

    [Fact]
    public void a_decision_carries_its_cases_in_order_with_their_conditions()
    {
        var check = Load.Definition(Samples.RequestedEvidence).Step("check").ShouldBeOfType<DecisionStep>();

        var only = check.Cases.ShouldHaveSingleItem();
        only.Outcome.ShouldBe("urgent");
        var when = only.When.ShouldBeOfType<FieldCondition>();
        when.Field.ShouldBe("request.urgency");
        when.Operator.ShouldBe(ConditionOperator.In);
        JsonNode.DeepEquals(when.Value, JsonNode.Parse("""["urgent", "immediate"]""")).ShouldBeTrue();
        check.Otherwise.ShouldBe("normal");
        check.Outcomes.ShouldBe(new Dictionary<string, string> { ["urgent"] = "execute", ["normal"] = "execute" });
    }

    [Fact]
    public void send_and_end_steps_carry_their_message_and_status()
    {
        var definition = Load.Definition(Samples.RequestedEvidence);

        definition.Step("acknowledge").ShouldBeOfType<SendStep>().Message.ShouldBe(MessageType.Acknowledgement);
        var executed = definition.Step("executed").ShouldBeOfType<EndStep>();
        executed.Status.ShouldBe(FinalStatus.Executed);
        executed.Ground.ShouldBeNull();
        executed.Outcomes.ShouldBeEmpty();
    }

    [Fact]
    public void every_step_type_and_every_form_of_condition_loads()
    {
        var definition = Load.Definition(Samples.RequestingExtradition);

        definition.Steps.Select(s => s.Type).Distinct().Order().ShouldBe(["await", "decision", "end", "join", "parallel", "send", "task", "timer"]);
        definition.Step("prepare").ShouldBeOfType<TaskStep>().Form[0]
            .ShouldBe(new FormField("approval", FormFieldType.Choice, Required: true, MaxLength: null, Options: ["approved", "rejected"]), new FormFieldComparer());
        definition.Step("await-reply").ShouldBeOfType<AwaitStep>().ShouldSatisfyAllConditions(
            a => a.Message.ShouldBe(MessageType.FinalResult),
            a => a.Signal.ShouldBeNull(),
            a => a.Deadline.ShouldBe(new DeadlineDefinition(new DurationSpec(DurationUnit.CalendarDays, 60), null, "lapsed")));
        definition.Step("wait-surrender").ShouldBeOfType<AwaitStep>().Signal.ShouldBe("surrenderCompleted");
        definition.Step("reminder").ShouldBeOfType<TimerStep>().ShouldSatisfyAllConditions(
            t => t.After.ShouldBe(new DurationSpec(DurationUnit.Hours, 48)),
            t => t.WarnBefore.ShouldBe(new DurationSpec(DurationUnit.Hours, 8)),
            t => t.Outcomes.ShouldBe(new Dictionary<string, string> { ["elapsed"] = "joined" }));
        definition.Step("joined").ShouldBeOfType<JoinStep>().Parallel.ShouldBe("both");
        definition.Step("refused").ShouldBeOfType<EndStep>().Ground.ShouldBe("Art. 3: political offence");
    }

    [Fact]
    public void nested_conditions_keep_their_shape()
    {
        var route = Load.Definition(Samples.RequestingExtradition).Step("route").ShouldBeOfType<DecisionStep>();

        var all = route.Cases[0].When.ShouldBeOfType<AllCondition>();
        all.Conditions[0].ShouldBeOfType<FieldCondition>().Field.ShouldBe("form.prepare.approval");
        var not = all.Conditions[1].ShouldBeOfType<NotCondition>().Condition.ShouldBeOfType<FieldCondition>();
        not.Field.ShouldBe("plugin.treatyInForce");
        not.Value!.GetValue<bool>().ShouldBeFalse();
        var any = route.Cases[1].When.ShouldBeOfType<AnyCondition>();
        any.Conditions.Cast<FieldCondition>().Select(c => c.Operator).ShouldBe([ConditionOperator.Lt, ConditionOperator.NotIn]);
    }

    [Fact]
    public void a_custom_step_carries_its_handler_settings_and_outcomes()
    {
        var screen = Load.Definition(Samples.Screened, ScriptedStep.WatchListScreening()).Step("screen").ShouldBeOfType<CustomStep>();

        screen.Type.ShouldBe("custom");
        screen.Handler.ShouldBe("watch-list-screening");
        JsonNode.DeepEquals(screen.Settings, JsonNode.Parse("""{ "list": "watch-list.txt", "threshold": 0.9 }""")).ShouldBeTrue();
        screen.Outcomes.ShouldBe(new Dictionary<string, string> { ["clear"] = "execute", ["match"] = "review-match" });
    }

    [Fact]
    public void a_custom_step_without_settings_has_empty_settings()
    {
        var json = Samples.Screened.Replacing("\"settings\": { \"list\": \"watch-list.txt\", \"threshold\": 0.9 },", "");

        Load.Definition(json, ScriptedStep.WatchListScreening()).Step("screen").ShouldBeOfType<CustomStep>().Settings.ShouldBeEmpty();
    }

    /// <summary>Records compare lists by reference; a form field's options are compared by content here.</summary>
    private sealed class FormFieldComparer : IEqualityComparer<FormField>
    {
        public bool Equals(FormField? x, FormField? y) =>
            x is not null && y is not null && x with { Options = null } == y with { Options = null }
            && (x.Options ?? []).SequenceEqual(y.Options ?? []);

        public int GetHashCode(FormField obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
