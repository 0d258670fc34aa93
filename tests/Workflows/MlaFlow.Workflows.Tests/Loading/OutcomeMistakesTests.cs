namespace MlaFlow.Workflows.Tests.Loading;

/// <summary>Outcomes a step type does not allow, or lacks (docs/workflows.md, "Steps").</summary>
public sealed class OutcomeMistakesTests
{
    [Fact]
    public void a_send_step_leaves_only_through_sent()
    {
        var json = Samples.RequestedEvidence.Replacing("\"outcomes\": { \"sent\": \"check\" }", "\"outcomes\": { \"sent\": \"check\", \"failed\": \"escalate\" }");

        Load.Problems(json).ShouldBe(["requested-evidence.v1.json:12: $.steps[1].outcomes.failed: A send step leaves only through 'sent'; remove 'failed'."]);
    }

    [Fact]
    public void a_misspelt_fixed_outcome_is_reported_once_as_a_rename()
    {
        var json = Samples.RequestedEvidence.Replacing("\"outcomes\": { \"sent\": \"check\" }", "\"outcomes\": { \"Sent\": \"check\" }");

        Load.Problems(json).ShouldBe(["requested-evidence.v1.json:12: $.steps[1].outcomes.Sent: A send step leaves only through 'sent'; rename 'Sent' to 'sent'."]);
    }

    [Fact]
    public void a_task_deadline_leaves_through_one_of_the_task_outcomes()
    {
        var json = Samples.RequestedEvidence.Replacing("\"outcome\": \"overdue\"", "\"outcome\": \"late\"");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:10: $.steps[0].deadline.outcome: Outcome 'late' is not among this step's outcomes; add it to outcomes with the step that handles the missed deadline.",
        ]);
    }

    [Fact]
    public void an_await_step_declares_its_deadline_outcome_beside_received()
    {
        var json = Samples.RequestedEvidence.Replacing(
            "{ \"id\": \"acknowledge\", \"type\": \"send\", \"message\": \"acknowledgement\", \"outcomes\": { \"sent\": \"check\" } }",
            "{ \"id\": \"acknowledge\", \"type\": \"await\", \"message\": \"acknowledgement\", \"deadline\": { \"after\": { \"hours\": 8 }, \"outcome\": \"late\" }, \"outcomes\": { \"received\": \"check\" } }");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:12: $.steps[1].deadline.outcome: Outcome 'late' is not among this step's outcomes; add it to outcomes with the step that handles the missed deadline.",
        ]);
    }

    [Fact]
    public void a_decision_declares_its_otherwise_among_its_outcomes()
    {
        var json = Samples.RequestedEvidence.Replacing("{ \"urgent\": \"execute\", \"normal\": \"execute\" }", "{ \"urgent\": \"execute\" }");

        Load.Problems(json).ShouldBe(
            ["requested-evidence.v1.json:15: $.steps[2].otherwise: Outcome 'normal' is not in this decision's outcomes; add it there with the next step's id."]);
    }

    [Fact]
    public void a_decision_declares_no_outcome_that_no_case_produces()
    {
        var json = Samples.RequestedEvidence.Replacing(
            "{ \"urgent\": \"execute\", \"normal\": \"execute\" }", "{ \"urgent\": \"execute\", \"normal\": \"execute\", \"slow\": \"execute\" }");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:16: $.steps[2].outcomes.slow: No case leads to 'slow' and it is not the otherwise; remove it or add a case with that outcome.",
        ]);
    }

    [Fact]
    public void a_parallel_step_needs_at_least_two_branches()
    {
        var json = Samples.RequestedEvidence.Replacing("\"id\": \"execute\", \"type\": \"task\", \"role\": \"executing\",", "\"id\": \"execute\", \"type\": \"parallel\",");

        Load.Problems(json).ShouldBe(
            ["requested-evidence.v1.json:18: $.steps[4].outcomes: A parallel step starts one branch per outcome, so it needs at least 2 (got 1)."]);
    }

    [Fact]
    public void a_task_needs_at_least_one_outcome()
    {
        var json = Samples.RequestedEvidence.Replacing("\"outcomes\": { \"done\": \"executed\" }", "\"outcomes\": { }");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:18: $.steps[4].outcomes: A task needs at least one outcome, the choice its assignee completes it with, e.g. { \"done\": \"close\" }.",
        ]);
    }

    [Fact]
    public void an_end_step_has_no_outcomes()
    {
        var json = Samples.RequestedEvidence.Replacing("\"status\": \"executed\" }", "\"status\": \"executed\", \"outcomes\": { \"done\": \"register\" } }");

        Load.Problems(json).ShouldBe(
            ["requested-evidence.v1.json:19: $.steps[5].outcomes: Unknown member 'outcomes' in an end step; expected id, type, status, ground."]);
    }

    [Fact]
    public void an_outcome_leads_to_a_step_id_not_to_another_value()
    {
        var json = Samples.RequestedEvidence.Replacing("\"outcomes\": { \"sent\": \"check\" }", "\"outcomes\": { \"sent\": 3 }");

        Load.Problems(json).ShouldBe(["requested-evidence.v1.json:12: $.steps[1].outcomes.sent: Must be the id of the next step, not a number."]);
    }

    [Fact]
    public void an_outcome_name_with_a_capital_first_letter_is_refused()
    {
        var json = Samples.RequestedEvidence.Replacing("\"outcomes\": { \"done\": \"executed\" }", "\"outcomes\": { \"Done\": \"executed\" }");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:18: $.steps[4].outcomes.Done: Outcome name 'Done' must start with a lowercase letter and hold only letters, digits and hyphens, at most 64 characters.",
        ]);
    }
}
