using MlaFlow.Workflows.Loading;

namespace MlaFlow.Workflows.Tests.Loading;

/// <summary>
/// Custom steps that name no handler, one the plugin's assembly does not provide, or outcomes that do not match
/// what the handler returns (docs/workflows.md, "Custom steps"). Each changes one thing in <see cref="Samples.Screened"/>.
/// </summary>
public sealed class CustomStepMistakesTests
{
    private static readonly ScriptedStep Screening = ScriptedStep.WatchListScreening();

    [Fact]
    public void a_custom_step_names_its_handler()
    {
        var json = Samples.Screened.Replacing(" \"handler\": \"watch-list-screening\",", "");

        Load.Problems(json, Screening).ShouldBe(
            ["requested-evidence.v1.json:9: $.steps[1].handler: Missing: the name of the handler that runs this step, one of watch-list-screening."]);
    }

    [Fact]
    public void a_handler_is_named_by_a_string()
    {
        var json = Samples.Screened.Replacing("\"handler\": \"watch-list-screening\"", "\"handler\": 7");

        Load.Problems(json, Screening).ShouldBe(["requested-evidence.v1.json:9: $.steps[1].handler: Must be a string, not a number."]);
    }

    [Fact]
    public void an_unknown_handler_is_refused_with_the_handlers_the_plugin_provides_and_the_closest_one()
    {
        var json = Samples.Screened.Replacing("\"handler\": \"watch-list-screening\"", "\"handler\": \"watch-list-screenig\"");

        Load.Problems(json, Screening, new ScriptedStep("age-check", "adult", "minor")).ShouldBe(
        [
            "requested-evidence.v1.json:9: $.steps[1].handler: Unknown handler 'watch-list-screenig'; expected one of the custom steps the plugin's " +
            "assembly provides: watch-list-screening, age-check. Did you mean 'watch-list-screening'?",
        ]);
    }

    [Fact]
    public void a_custom_step_in_a_plugin_without_custom_steps_says_where_handlers_come_from()
    {
        Load.Problems(Samples.Screened).ShouldBe(
        [
            "requested-evidence.v1.json:9: $.steps[1].handler: Unknown handler 'watch-list-screening': the plugin's assembly provides no custom steps. " +
            "A custom step needs the plugin's assembly to provide its handler, listed in plugin.json under assembly.steps.",
        ]);
    }

    [Fact]
    public void an_outcome_the_handler_never_returns_is_refused()
    {
        var json = Samples.Screened.Replacing("\"match\": \"review-match\" }", "\"match\": \"review-match\", \"unsure\": \"review-match\" }");

        Load.Problems(json, Screening).ShouldBe(
            ["requested-evidence.v1.json:11: $.steps[1].outcomes.unsure: Handler 'watch-list-screening' never returns 'unsure' (it returns clear, match); remove it."]);
    }

    [Fact]
    public void every_outcome_the_handler_may_return_is_mapped()
    {
        var json = Samples.Screened.Replacing("\"clear\": \"execute\", \"match\": \"review-match\"", "\"clear\": \"review-match\"");

        Load.Problems(json, Screening).ShouldBe(
            ["requested-evidence.v1.json:11: $.steps[1].outcomes.match: Missing: handler 'watch-list-screening' may return 'match', so map it to the next step's id."]);
    }

    [Fact]
    public void a_misspelt_outcome_is_reported_with_the_outcome_it_was_meant_to_be()
    {
        var json = Samples.Screened.Replacing("\"match\": \"review-match\"", "\"matched\": \"review-match\"");

        Load.Problems(json, Screening).ShouldBe(
        [
            "requested-evidence.v1.json:11: $.steps[1].outcomes.match: Missing: handler 'watch-list-screening' may return 'match', so map it to the next step's id.",
            "requested-evidence.v1.json:11: $.steps[1].outcomes.matched: Handler 'watch-list-screening' never returns 'matched' (it returns clear, match); " +
            "remove it. Did you mean 'match'?",
        ]);
    }

    [Fact]
    public void a_custom_step_has_outcomes()
    {
        var json = Samples.Screened.Replacing(",\n      \"outcomes\": { \"clear\": \"execute\", \"match\": \"review-match\" }", "");

        Load.Problems(json, Screening).ShouldBe(
        [
            "requested-evidence.v1.json:9: $.steps[1].outcomes: Missing: a custom step maps each outcome its handler returns (clear, match) to the next step's id.",
        ]);
    }

    [Fact]
    public void a_handler_that_declares_no_outcomes_cannot_run_a_step()
    {
        Load.Problems(Samples.Screened, new ScriptedStep("watch-list-screening")).ShouldBe(
        [
            "requested-evidence.v1.json:9: $.steps[1].handler: Handler 'watch-list-screening' declares no outcomes, so a step it runs could never be left; " +
            "its Outcomes must list every outcome it returns.",
        ]);
    }

    [Fact]
    public void an_outcome_of_a_custom_step_leading_to_no_step_is_refused_like_any_other()
    {
        var json = Samples.Screened.Replacing("\"match\": \"review-match\"", "\"match\": \"review-macth\"");

        Load.Problems(json, Screening).ShouldBe(
        [
            "requested-evidence.v1.json:11: $.steps[1].outcomes.match: Outcome 'match' leads to 'review-macth', but no step has that id. Did you mean 'review-match'?",
        ]);
    }

    [Fact]
    public void settings_are_an_object()
    {
        var json = Samples.Screened.Replacing("\"settings\": { \"list\": \"watch-list.txt\", \"threshold\": 0.9 }", "\"settings\": [\"watch-list.txt\"]");

        Load.Problems(json, Screening).ShouldBe(
        [
            "requested-evidence.v1.json:10: $.steps[1].settings: Must be an object of settings for the handler, e.g. { \"list\": \"watch-list.txt\" }, not an array.",
        ]);
    }

    [Fact]
    public void settings_larger_than_16_KiB_are_refused()
    {
        // '{ "list": "' and '" }' take 14 bytes: the list name makes them 16,385, one byte over.
        var json = Samples.Screened.Replacing(
            "\"settings\": { \"list\": \"watch-list.txt\", \"threshold\": 0.9 }", $"\"settings\": {{ \"list\": \"{new string('x', 16_385 - 14)}\" }}");

        Load.Problems(json, Screening).ShouldBe(
        [
            "requested-evidence.v1.json:10: $.steps[1].settings: Settings are at most 16384 bytes (16 KiB) of JSON (got 16385); keep larger data in a file " +
            "beside plugin.json and name it here, e.g. { \"list\": \"watch-list.txt\" }.",
        ]);
    }

    [Fact]
    public void settings_of_exactly_16_KiB_load()
    {
        var json = Samples.Screened.Replacing(
            "\"settings\": { \"list\": \"watch-list.txt\", \"threshold\": 0.9 }", $"\"settings\": {{ \"list\": \"{new string('x', 16_384 - 14)}\" }}");

        Load.Problems(json, Screening).ShouldBeEmpty();
    }

    [Fact]
    public void a_misspelt_member_of_a_custom_step_is_refused()
    {
        var json = Samples.Screened.Replacing("\"settings\":", "\"setting\":");

        Load.Problems(json, Screening).ShouldBe(
            ["requested-evidence.v1.json:10: $.steps[1].setting: Unknown member 'setting' in a custom step; expected id, type, handler, settings, outcomes."]);
    }

    [Fact]
    public void two_handlers_of_the_same_name_are_refused_before_any_file_is_read()
    {
        Should.Throw<ArgumentException>(() =>
                WorkflowDefinitionLoader.Load(Samples.FileName, Samples.Screened, Load.Facts, [Screening, ScriptedStep.WatchListScreening()]))
            .Message.ShouldStartWith("Two custom step handlers are named 'watch-list-screening'; handler names must be unique.");
    }
}
