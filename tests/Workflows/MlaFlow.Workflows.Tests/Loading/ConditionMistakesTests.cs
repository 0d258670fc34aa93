namespace MlaFlow.Workflows.Tests.Loading;

/// <summary>Conditions on facts nobody provides, with unknown operators, or with values of the wrong shape.</summary>
public sealed class ConditionMistakesTests
{
    private const string Condition = "{ \"field\": \"request.urgency\", \"op\": \"in\", \"value\": [\"urgent\", \"immediate\"] }";

    private static string WithCondition(string condition) => Samples.RequestedEvidence.Replacing(Condition, condition);

    [Fact]
    public void a_misspelt_request_fact_is_refused_with_the_closest_fact_and_the_known_ones()
    {
        var json = Samples.RequestedEvidence.Replacing("\"request.urgency\"", "\"request.urgent\"");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:14: $.steps[2].cases[0].when.field: Unknown fact 'request.urgent'. Did you mean 'request.urgency'? " +
            "Request facts are request.kind, request.urgency, request.requestingState, request.requestedState, request.legalBasis.type, " +
            "request.persons.nationality, request.persons.role, request.offences.maximumPenalty.type, request.offences.maximumPenalty.months, request.language, request.legalBasis.treatyId, request.urgencyReason, request.persons.dateOfBirth, request.persons.identityDocuments.type, request.measures.type, request.attachments.category, request.attachments.language.",
        ]);
    }

    [Fact]
    public void an_unknown_operator_is_refused_with_the_list_of_operators()
    {
        var json = Samples.RequestedEvidence.Replacing("\"op\": \"in\"", "\"op\": \"among\"");

        Load.Problems(json).ShouldBe(
            ["requested-evidence.v1.json:14: $.steps[2].cases[0].when.op: Unknown operator 'among'; expected one of eq, ne, lt, le, gt, ge, in, notIn, exists."]);
    }

    [Fact]
    public void in_compares_with_an_array_of_values()
    {
        var json = Samples.RequestedEvidence.Replacing("\"value\": [\"urgent\", \"immediate\"]", "\"value\": \"urgent\"");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:14: $.steps[2].cases[0].when.value: Must be an array of values for in, e.g. [\"urgent\", \"immediate\"], not a string.",
        ]);
    }

    [Fact]
    public void exists_takes_no_value()
    {
        var json = Samples.RequestedEvidence.Replacing("\"op\": \"in\"", "\"op\": \"exists\"");

        Load.Problems(json).ShouldBe(["requested-evidence.v1.json:14: $.steps[2].cases[0].when.value: The exists operator takes no value; remove it."]);
    }

    [Fact]
    public void eq_compares_with_a_single_value_not_an_array()
    {
        var json = Samples.RequestedEvidence.Replacing("\"op\": \"in\"", "\"op\": \"eq\"");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:14: $.steps[2].cases[0].when.value: Must be a string, number or boolean for eq, not an array; to compare with several values use in.",
        ]);
    }

    [Fact]
    public void eq_with_null_points_the_author_to_exists()
    {
        var json = WithCondition("{ \"field\": \"request.urgency\", \"op\": \"eq\", \"value\": null }");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:14: $.steps[2].cases[0].when.value: Must be a string, number or boolean for eq, not null; to test whether the fact is present use exists.",
        ]);
    }

    [Fact]
    public void a_comparison_without_a_value_is_refused()
    {
        var json = WithCondition("{ \"field\": \"request.urgency\", \"op\": \"ne\" }");

        Load.Problems(json).ShouldBe(
            ["requested-evidence.v1.json:14: $.steps[2].cases[0].when.value: Missing: ne compares the fact with a value: a string, number or boolean."]);
    }

    [Fact]
    public void a_condition_mixing_a_comparison_and_a_combinator_is_refused()
    {
        var json = WithCondition("{ \"field\": \"request.urgency\", \"op\": \"exists\", \"not\": { \"field\": \"request.kind\", \"op\": \"exists\" } }");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:14: $.steps[2].cases[0].when: A condition takes one form — field with op, all, any or not — but this one has field and not; nest them in all or any.",
        ]);
    }

    [Fact]
    public void all_of_no_conditions_is_refused()
    {
        var json = WithCondition("{ \"all\": [] }");

        Load.Problems(json).ShouldBe(
            ["requested-evidence.v1.json:14: $.steps[2].cases[0].when.all: List at least one condition; all of nothing is a condition nobody can read."]);
    }

    [Fact]
    public void a_field_of_the_definitions_own_task_form_can_be_tested()
    {
        var json = WithCondition("{ \"field\": \"form.register.registrationNumber\", \"op\": \"exists\" }");

        Load.Problems(json).ShouldBeEmpty();
    }

    [Fact]
    public void a_field_no_task_form_has_is_refused()
    {
        var json = WithCondition("{ \"field\": \"form.register.registrationNo\", \"op\": \"exists\" }");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:14: $.steps[2].cases[0].when.field: Unknown fact 'form.register.registrationNo'. " +
            "No task form of this workflow has that field; form facts are form.<step id>.<field name>.",
        ]);
    }

    [Fact]
    public void a_fact_the_plugin_declares_can_be_tested()
    {
        var json = WithCondition("{ \"field\": \"plugin.treatyInForce\", \"op\": \"eq\", \"value\": true }");

        Load.Problems(json).ShouldBeEmpty();
    }

    [Fact]
    public void a_plugin_fact_the_plugin_does_not_declare_is_refused()
    {
        var json = WithCondition("{ \"field\": \"plugin.treatyInForse\", \"op\": \"eq\", \"value\": true }");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:14: $.steps[2].cases[0].when.field: Unknown fact 'plugin.treatyInForse'. Did you mean 'plugin.treatyInForce'? " +
            "The plugin declares no such fact in plugin.json.",
        ]);
    }
}
