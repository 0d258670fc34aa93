using System.Text.Json.Nodes;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Plugins.Sdk.Extensions;
using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Execution;
using static MlaFlow.Workflows.Tests.Execution.Flow;

namespace MlaFlow.Workflows.Tests.Execution;

/// <summary>How the engine runs a custom step's handler, and what happens when the handler fails (docs/workflows.md, "Custom steps").</summary>
public sealed class CustomStepTests
{
    private readonly ScriptedStep _screening = ScriptedStep.WatchListScreening();

    [Fact]
    public void a_custom_step_leaves_through_the_outcome_its_handler_returns_with_its_detail_in_the_history()
    {
        _screening.Behaviour = _ => new CustomStepResult("match", "Li Wei matches entry 17 of watch-list.txt.");
        var engine = Screened().Start().Complete("register", "registered", Form("TH-2026-7"));

        engine.Token("review-match").State.ShouldBe(TokenState.Waiting);
        engine.Instance.History.ShouldContain(new HistoryEntry(engine.Now, "screen", "match", "officer:TH-OAG:test", "Li Wei matches entry 17 of watch-list.txt."));
        _screening.Inputs.Count.ShouldBe(1);
    }

    [Fact]
    public void the_handler_is_given_its_step_the_facts_decisions_read_its_settings_and_the_time_in_utc()
    {
        var facts = new JsonObject { ["request"] = new JsonObject { ["urgency"] = "urgent" }, ["plugin"] = new JsonObject { ["treatyInForce"] = true } };
        Screened(facts).Start().Complete("register", "registered", Form("TH-2026-7"));

        var input = _screening.Inputs.ShouldHaveSingleItem();
        input.StepId.ShouldBe("screen");
        JsonNode.DeepEquals(input.Facts, JsonNode.Parse("""
            { "request": { "urgency": "urgent" }, "plugin": { "treatyInForce": true }, "form": { "register": { "number": "TH-2026-7" } } }
            """)).ShouldBeTrue(input.Facts.ToJsonString());
        JsonNode.DeepEquals(input.Settings, JsonNode.Parse("""{ "list": "watch-list.txt" }""")).ShouldBeTrue();
        input.Now.ShouldBe(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
        input.Now.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void a_long_detail_is_cut_to_500_characters()
    {
        _screening.Behaviour = _ => new CustomStepResult("clear", new string('x', 600));
        var engine = Screened().Start().Complete("register", "registered", Form("TH-2026-7"));

        var detail = engine.Instance.History.Single(h => h.StepId == "screen").Detail.ShouldNotBeNull();
        detail.Length.ShouldBe(500);
        detail.ShouldEndWith("x…");
    }

    [Fact]
    public void an_outcome_the_step_does_not_map_faults_the_step_naming_it_and_the_outcomes_it_has()
    {
        _screening.Behaviour = _ => new CustomStepResult("unsure");
        var engine = Screened().Start().Complete("register", "registered", Form("TH-2026-7"));

        var faulted = engine.Token("screen");
        faulted.State.ShouldBe(TokenState.Faulted);
        faulted.Error.ShouldBe("watch-list-screening returned the outcome 'unsure', which step 'screen' does not have; it has clear, match.");
        engine.Instance.History.Last().ShouldBe(new HistoryEntry(engine.Now, "screen", "faulted", "officer:TH-OAG:test", faulted.Error));
    }

    [Fact]
    public void a_handler_that_returns_nothing_faults_the_step()
    {
        _screening.Behaviour = _ => null;
        var engine = Screened().Start().Complete("register", "registered", Form("TH-2026-7"));

        engine.Token("screen").Error.ShouldBe("watch-list-screening returned no outcome; it must return one of clear, match.");
    }

    [Fact]
    public void an_exception_in_the_handler_faults_the_step_with_its_message_after_the_handler_name()
    {
        _screening.Behaviour = _ => throw new FileNotFoundException("The list watch-list.txt is not in the plugin folder; put it beside plugin.json.");
        var engine = Screened().Start().Complete("register", "registered", Form("TH-2026-7"));

        var faulted = engine.Token("screen");
        faulted.State.ShouldBe(TokenState.Faulted);
        faulted.Error.ShouldBe("watch-list-screening: The list watch-list.txt is not in the plugin folder; put it beside plugin.json.");
        engine.Instance.Forms.Keys.ShouldContain("register"); // the officer's completion stands, whatever the handler does
    }

    [Fact]
    public void even_an_engine_exception_thrown_by_a_handler_only_faults_its_step()
    {
        // The engine lets its own exceptions through to refuse an operation; from plugin code, that would refuse the officer's completion instead.
        _screening.Behaviour = _ => throw new WorkflowOperationException("no");
        var engine = Screened().Start().Complete("register", "registered", Form("TH-2026-7"));

        engine.Token("screen").Error.ShouldBe("watch-list-screening: no");
    }

    [Fact]
    public void a_step_whose_handler_is_not_loaded_is_faulted()
    {
        var engine = Screened();
        engine.CustomSteps.Clear();

        engine.Start().Complete("register", "registered", Form("TH-2026-7"));

        var faulted = engine.Token("screen");
        faulted.State.ShouldBe(TokenState.Faulted);
        faulted.Error.ShouldBe(
            "The handler 'watch-list-screening' is not loaded: the plugin's assembly must provide it, listed in plugin.json under assembly.steps. " +
            "Once it does, retry the step, or route the request to one of clear, match.");
    }

    [Fact]
    public void a_faulted_custom_step_retried_once_its_cause_is_fixed_continues()
    {
        _screening.Behaviour = _ => throw new IOException("The list watch-list.txt is locked.");
        var engine = Screened().Start().Complete("register", "registered", Form("TH-2026-7"));
        engine.Retry("screen");
        engine.Token("screen").State.ShouldBe(TokenState.Faulted); // still locked

        _screening.Behaviour = _ => new CustomStepResult("clear", "No match.");
        engine.Retry("screen");

        engine.Token("execute").State.ShouldBe(TokenState.Waiting);
        engine.Instance.History.Where(h => h.StepId == "screen").Select(h => h.What)
            .ShouldBe(["faulted", "retried", "faulted", "retried", "clear"]);
        _screening.Inputs.Count.ShouldBe(3);
    }

    [Fact]
    public void a_step_whose_handler_was_not_loaded_runs_when_retried_after_it_is()
    {
        var engine = Screened();
        engine.CustomSteps.Clear();
        engine.Start().Complete("register", "registered", Form("TH-2026-7"));

        engine.CustomSteps[_screening.Name] = _screening;
        engine.Retry("screen");

        engine.Token("execute").State.ShouldBe(TokenState.Waiting);
    }

    [Fact]
    public void a_faulted_custom_step_can_be_routed_to_one_of_its_outcomes()
    {
        _screening.Behaviour = _ => throw new InvalidOperationException("The list is empty.");
        var engine = Screened().Start().Complete("register", "registered", Form("TH-2026-7"));

        engine.Route("screen", "match");

        engine.Token("review-match").State.ShouldBe(TokenState.Waiting);
        engine.Instance.History.ShouldContain(h => h.StepId == "screen" && h.What == "match" && h.Detail == "routed after fault: watch-list-screening: The list is empty.");
        _screening.Inputs.Count.ShouldBe(1);
    }

    [Fact]
    public void the_handler_cannot_change_the_instance_its_facts_or_the_definition_through_its_input()
    {
        var facts = new JsonObject { ["request"] = new JsonObject { ["urgency"] = "urgent" } };
        var definition = ScreenedDefinition();
        var listsSeen = new List<string>();
        _screening.Behaviour = input =>
        {
            listsSeen.Add(input.Settings["list"]!.GetValue<string>());
            input.Facts["form"]!["register"]!["number"] = "changed";
            input.Facts["request"]!["urgency"] = "changed";
            input.Facts.Remove("plugin");
            input.Settings["list"] = "other.txt";
            return new CustomStepResult("clear");
        };

        var engine = Harness(definition, facts).Start().Complete("register", "registered", Form("TH-2026-7"));

        engine.Instance.Forms["register"]["number"]!.GetValue<string>().ShouldBe("TH-2026-7");
        JsonNode.DeepEquals(facts, JsonNode.Parse("""{ "request": { "urgency": "urgent" } }""")).ShouldBeTrue(facts.ToJsonString());
        definition.Step("screen").ShouldBeOfType<CustomStep>().Settings["list"]!.GetValue<string>().ShouldBe("watch-list.txt");
        Harness(definition, facts).Start().Complete("register", "registered", Form("TH-2026-8"));
        listsSeen.ShouldBe(["watch-list.txt", "watch-list.txt"]);
    }

    private static WorkflowDefinition ScreenedDefinition() => Of("register",
        new TaskStep("register", "officer", "Register", [new FormField("number", FormFieldType.Text, true, 20, null)], null, Out(("registered", "screen"))),
        new CustomStep("screen", "watch-list-screening", new JsonObject { ["list"] = "watch-list.txt" }, Out(("clear", "execute"), ("match", "review-match"))),
        Task("review-match", ("cleared", "execute")),
        Task("execute", ("done", "end")),
        End("end"));

    private static JsonObject Form(string number) => new() { ["number"] = number };

    private EngineHarness Screened(JsonObject? facts = null) => Harness(ScreenedDefinition(), facts);

    private EngineHarness Harness(WorkflowDefinition definition, JsonObject? facts) =>
        new(definition, facts) { CustomSteps = { [_screening.Name] = _screening } };
}
