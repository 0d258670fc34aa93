using System.Text;

namespace MlaFlow.Workflows.Tests.Loading;

/// <summary>Steps that do not fit together: references to no step, steps nobody reaches, steps that never end.</summary>
public sealed class GraphMistakesTests
{
    [Fact]
    public void two_steps_with_the_same_id_are_refused_at_the_second()
    {
        var json = Samples.RequestedEvidence.Replacing(
            "\"status\": \"executed\" }\n", "\"status\": \"executed\" },\n    { \"id\": \"check\", \"type\": \"end\", \"status\": \"closed\" }\n");

        Load.Problems(json).ShouldBe(["requested-evidence.v1.json:20: $.steps[6].id: Step id 'check' is already used by $.steps[2]; step ids must be unique."]);
    }

    [Fact]
    public void a_start_naming_no_step_is_refused_with_the_closest_id()
    {
        var json = Samples.RequestedEvidence.Replacing("\"start\": \"register\"", "\"start\": \"regster\"");

        Load.Problems(json).ShouldBe(["requested-evidence.v1.json:6: $.start: No step has id 'regster'; start names the first step. Did you mean 'register'?"]);
    }

    [Fact]
    public void an_outcome_leading_to_no_step_is_refused_without_blaming_the_steps_behind_it()
    {
        // 'check' and everything after it is reached only through this outcome; they are not reported as unreachable.
        var json = Samples.RequestedEvidence.Replacing("\"sent\": \"check\"", "\"sent\": \"chek\"");

        Load.Problems(json).ShouldBe(
            ["requested-evidence.v1.json:12: $.steps[1].outcomes.sent: Outcome 'sent' leads to 'chek', but no step has that id. Did you mean 'check'?"]);
    }

    [Fact]
    public void a_step_nothing_leads_to_is_unreachable()
    {
        var json = Samples.RequestedEvidence.Replacing(
            "\"status\": \"executed\" }\n", "\"status\": \"executed\" },\n    { \"id\": \"archive\", \"type\": \"end\", \"status\": \"closed\" }\n");

        Load.Problems(json).ShouldBe(
            ["requested-evidence.v1.json:20: $.steps[6]: Step 'archive' cannot be reached from the start step 'register'; lead an outcome to it or remove it."]);
    }

    [Fact]
    public void a_step_that_only_loops_on_itself_has_no_path_to_an_end()
    {
        var json = Samples.RequestedEvidence.Replacing("\"registered\": \"acknowledge\" }", "\"registered\": \"escalate\" }");

        Load.Problems(json).ShouldBe(
            ["requested-evidence.v1.json:17: $.steps[3]: Step 'escalate' has no path to an end step, so a request that enters it could never finish."]);
    }

    [Fact]
    public void a_workflow_without_an_end_step_is_refused_once()
    {
        var json = Samples.RequestedEvidence.Replacing(
            "{ \"id\": \"executed\", \"type\": \"end\", \"status\": \"executed\" }",
            "{ \"id\": \"executed\", \"type\": \"task\", \"role\": \"officer\", \"outcomes\": { \"again\": \"register\" } }");

        Load.Problems(json).ShouldBe(
            ["requested-evidence.v1.json:7: $.steps: No step has type end, so the workflow could never finish; add an end step with its final status."]);
    }

    [Fact]
    public void a_join_names_a_parallel_step_not_another_type()
    {
        var json = Samples.RequestedEvidence.Replacing(
            "\"id\": \"execute\", \"type\": \"task\", \"role\": \"executing\", \"outcomes\": { \"done\": \"executed\" }",
            "\"id\": \"execute\", \"type\": \"join\", \"parallel\": \"check\", \"outcomes\": { \"joined\": \"executed\" }");

        Load.Problems(json).ShouldBe(
            ["requested-evidence.v1.json:18: $.steps[4].parallel: Step 'check' is a decision step; a join names the parallel step whose branches it waits for."]);
    }

    [Fact]
    public void a_join_naming_no_step_is_refused()
    {
        var json = Samples.RequestingExtradition.Replacing("\"parallel\": \"both\"", "\"parallel\": \"bothe\"");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:32: $.steps[6].parallel: No step has id 'bothe'; a join names the parallel step whose branches it waits for. Did you mean 'both'?",
        ]);
    }

    [Fact]
    public void more_than_500_steps_are_refused_before_any_is_read()
    {
        var steps = new StringBuilder();
        for (var i = 0; i < 500; i++)
        {
            steps.Append($"\n    {{ \"id\": \"wait-{i}\", \"type\": \"timer\", \"after\": {{ \"hours\": 1 }}, \"outcomes\": {{ \"elapsed\": \"wait-{i + 1}\" }} }},");
        }

        var json = Samples.RequestedEvidence.Replacing("\"steps\": [", "\"steps\": [" + steps);

        Load.Problems(json).ShouldBe(["requested-evidence.v1.json:7: $.steps: At most 500 steps are allowed (got 506)."]);
    }
}
