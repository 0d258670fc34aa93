using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Tests.Loading;

namespace MlaFlow.Workflows.Tests.Refusals;

/// <summary>A field required for some outcomes of its task (<c>requiredFor</c>), and the loader's rule that a refusal's ground is one of them.</summary>
public sealed class RequiredForMistakesTests
{
    [Fact]
    public void a_field_required_for_an_outcome_is_read_with_it_and_is_not_required_for_the_others()
    {
        var field = Load.Definition(RefusalSample.Definition).Step("check").ShouldBeOfType<TaskStep>().Form[1];

        field.RequiredFor.ShouldBe(["refuse"]);
        field.Required.ShouldBeFalse();
        field.IsRequiredFor("refuse").ShouldBeTrue();
        field.IsRequiredFor("complete").ShouldBeFalse();
    }

    [Fact]
    public void an_outcome_the_task_lacks_is_refused_with_the_closest_it_has()
    {
        var json = RefusalSample.Definition.Replacing("[\"refuse\"]", "[\"refused\"]");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:6: $.steps[0].form[1].requiredFor[0]: The task has no outcome 'refused'; requiredFor names outcomes it is completed with: " +
            "complete, refuse. Did you mean 'refuse'?",
        ]);
    }

    [Fact]
    public void the_deadlines_outcome_is_refused_as_no_one_completes_the_task_with_it()
    {
        var json = RefusalSample.Definition.Replacing("[\"refuse\"]", "[\"refuse\", \"overdue\"]");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:6: $.steps[0].form[1].requiredFor[1]: 'overdue' is the outcome of the task's deadline, which no one completes it with; " +
            "requiredFor names outcomes a person chooses: complete, refuse.",
        ]);
    }

    [Theory]
    [InlineData("\"requiredFor\": [\"refuse\"]", "\"requiredFor\": []", "List at least one outcome, e.g. [\"refuse\"]; for none, leave requiredFor out.")]
    [InlineData("\"requiredFor\": [\"refuse\"]", "\"requiredFor\": [\"refuse\", \"refuse\"]", "Outcome 'refuse' is listed twice.")]
    [InlineData("\"requiredFor\": [\"refuse\"]", "\"requiredFor\": \"refuse\"", "Must be a list of the task's outcomes, e.g. [\"refuse\"], not a string.")]
    [InlineData("\"requiredFor\": [\"refuse\"]", "\"required\": true, \"requiredFor\": [\"refuse\"]", "A required field is required for every outcome already; remove requiredFor, or required.")]
    public void a_malformed_list_of_outcomes_is_refused(string written, string broken, string expected)
    {
        var problem = Load.Problems(RefusalSample.Definition.Replacing(written, broken)).ShouldHaveSingleItem();

        problem.ShouldStartWith("requested-evidence.v1.json:6: $.steps[0].form[1].requiredFor");
        problem.ShouldEndWith(expected);
    }

    [Fact]
    public void a_ground_of_refusal_not_required_for_the_outcome_that_refuses_is_refused()
    {
        var json = RefusalSample.Definition.Replacing(RefusalSample.RequiredFor, "");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:6: $.steps[0].form[1]: Completing 'check' with 'refuse' can end the request refused on the ground decision 'ground' " +
            "picks by this field; left out, it would pick one nobody chose. Require the field for that outcome: \"requiredFor\": [\"refuse\"].",
        ]);
    }

    [Fact]
    public void a_ground_required_for_every_outcome_will_do()
    {
        var json = RefusalSample.Definition.Replacing(RefusalSample.RequiredFor, "\"required\": true, ");

        Load.Definition(json).Step("check").ShouldBeOfType<TaskStep>().Form[1].Required.ShouldBeTrue();
    }

    [Fact]
    public void a_choice_a_decision_reads_without_ending_in_a_refusal_need_not_be_required()
    {
        var json = RefusalSample.Definition.Replacing(RefusalSample.RequiredFor, "")
            .Replacing("\"status\": \"refused\", \"ground\": \"Political offence\"", "\"status\": \"closed\"")
            .Replacing("\"status\": \"refused\", \"ground\": \"Other ground stated in the refusal\"", "\"status\": \"postponed\"");

        Load.Definition(json).Step("check").ShouldBeOfType<TaskStep>().Form[1].RequiredFor.ShouldBeNull();
    }

    [Fact]
    public void a_refusal_reached_after_other_tasks_still_needs_the_ground_the_first_one_was_to_give()
    {
        var json = RefusalSample.Definition.Replacing(RefusalSample.RequiredFor, "")
            .Replacing("\"refuse\": \"send-refusal\"", "\"refuse\": \"confirm\"")
            .Replacing("{ \"id\": \"send-refusal\"",
                "{ \"id\": \"confirm\", \"type\": \"task\", \"role\": \"prosecutor\", \"outcomes\": { \"confirmed\": \"send-refusal\" } },\n    { \"id\": \"send-refusal\"");

        Load.Problems(json).ShouldHaveSingleItem().ShouldContain("$.steps[0].form[1]: Completing 'check' with 'refuse' can end the request refused");
    }

    [Fact]
    public void a_completion_that_comes_back_to_the_task_first_needs_nothing_of_it()
    {
        // Asking for more information leads back to the check, whose form is filled anew when it is done again.
        var json = RefusalSample.Definition
            .Replacing("\"refuse\": \"send-refusal\",", "\"refuse\": \"send-refusal\", \"incomplete\": \"ask-more\",")
            .Replacing("{ \"id\": \"send-refusal\"",
                "{ \"id\": \"ask-more\", \"type\": \"send\", \"message\": \"requestForAdditionalInformation\", \"outcomes\": { \"sent\": \"await-more\" } },\n" +
                "    { \"id\": \"await-more\", \"type\": \"await\", \"message\": \"additionalInformation\", \"outcomes\": { \"received\": \"check\" } },\n" +
                "    { \"id\": \"send-refusal\"");

        Load.Definition(json).Step("check").ShouldBeOfType<TaskStep>().Outcomes.Keys.ShouldContain("incomplete");
    }
}
