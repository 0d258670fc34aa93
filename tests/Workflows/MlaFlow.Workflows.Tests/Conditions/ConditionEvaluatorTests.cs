using System.Text.Json.Nodes;
using MlaFlow.Workflows.Conditions;

namespace MlaFlow.Workflows.Tests.Conditions;

public sealed class ConditionEvaluatorTests
{
    private static readonly JsonObject Facts = JsonNode.Parse("""
        {
          "request": {
            "urgency": "urgent",
            "persons": [ { "role": "suspect", "nationality": "CN" }, { "role": "witness", "nationality": "TH" } ],
            "offences": [ { "maximumPenalty": { "type": "imprisonment", "months": 36 } } ]
          },
          "plugin": { "extraditesNationals": false }
        }
        """)!.AsObject();

    [Theory]
    [InlineData("request.urgency", ConditionOperator.Eq, "\"urgent\"", true)]
    [InlineData("request.urgency", ConditionOperator.Ne, "\"urgent\"", false)]
    [InlineData("request.urgency", ConditionOperator.In, "[\"urgent\",\"immediate\"]", true)]
    [InlineData("request.urgency", ConditionOperator.NotIn, "[\"urgent\",\"immediate\"]", false)]
    [InlineData("request.persons.nationality", ConditionOperator.Eq, "\"TH\"", true)]
    [InlineData("request.persons.nationality", ConditionOperator.Ne, "\"TH\"", false)]
    [InlineData("request.persons.nationality", ConditionOperator.NotIn, "[\"VN\",\"LA\"]", true)]
    [InlineData("request.offences.maximumPenalty.months", ConditionOperator.Ge, "12", true)]
    [InlineData("request.offences.maximumPenalty.months", ConditionOperator.Lt, "12", false)]
    [InlineData("request.offences.maximumPenalty.months", ConditionOperator.Eq, "\"36\"", false)]
    [InlineData("plugin.extraditesNationals", ConditionOperator.Eq, "false", true)]
    [InlineData("request.legalBasis.type", ConditionOperator.Eq, "\"treaty\"", false)]
    [InlineData("request.legalBasis.type", ConditionOperator.Ne, "\"treaty\"", true)]
    public void a_field_condition_compares_every_value_at_its_path(string field, ConditionOperator op, string value, bool holds)
    {
        ConditionEvaluator.Holds(new FieldCondition(field, op, JsonNode.Parse(value)), Facts).ShouldBe(holds);
    }

    [Fact]
    public void exists_tells_a_present_fact_from_a_missing_one()
    {
        ConditionEvaluator.Holds(new FieldCondition("request.urgency", ConditionOperator.Exists, null), Facts).ShouldBeTrue();
        ConditionEvaluator.Holds(new FieldCondition("form.review.decision", ConditionOperator.Exists, null), Facts).ShouldBeFalse();
    }

    [Fact]
    public void all_any_and_not_combine_conditions()
    {
        var national = new FieldCondition("request.persons.nationality", ConditionOperator.Eq, "TH");
        var refusesNationals = new FieldCondition("plugin.extraditesNationals", ConditionOperator.Eq, false);

        ConditionEvaluator.Holds(new AllCondition([national, refusesNationals]), Facts).ShouldBeTrue();
        ConditionEvaluator.Holds(new AllCondition([national, new NotCondition(refusesNationals)]), Facts).ShouldBeFalse();
        ConditionEvaluator.Holds(new AnyCondition([new NotCondition(national), refusesNationals]), Facts).ShouldBeTrue();
        ConditionEvaluator.Holds(new AnyCondition([]), Facts).ShouldBeFalse();
    }
}
