using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlaFlow.Workflows.Conditions;

/// <summary>
/// Evaluates a <see cref="Condition"/> over a facts document (<c>{ "request": …, "plugin": …, "form": … }</c>).
/// A path that crosses an array yields every element's value; <c>eq</c>, <c>in</c> and the ordering
/// operators hold when any value satisfies them, <c>ne</c> and <c>notIn</c> when none is excluded
/// (so "any person is a national of the requested state" is <c>request.persons.nationality eq TH</c>).
/// A missing fact has no values: <c>eq</c> is false, <c>ne</c> true, <c>exists</c> false.
/// </summary>
public static class ConditionEvaluator
{
    public static bool Holds(Condition condition, JsonObject facts) => condition switch
    {
        AllCondition all => all.Conditions.All(c => Holds(c, facts)),
        AnyCondition any => any.Conditions.Any(c => Holds(c, facts)),
        NotCondition not => !Holds(not.Condition, facts),
        FieldCondition field => Holds(field, Values(facts, field.Field)),
        _ => throw new NotSupportedException($"Unknown condition {condition.GetType().Name}."),
    };

    private static bool Holds(FieldCondition condition, IReadOnlyList<JsonNode> values) => condition.Operator switch
    {
        ConditionOperator.Exists => values.Count > 0,
        ConditionOperator.Eq => values.Any(v => Equal(v, condition.Value)),
        ConditionOperator.Ne => !values.Any(v => Equal(v, condition.Value)),
        ConditionOperator.In => values.Any(v => Members(condition.Value).Any(m => Equal(v, m))),
        ConditionOperator.NotIn => !values.Any(v => Members(condition.Value).Any(m => Equal(v, m))),
        ConditionOperator.Lt => values.Any(v => Compare(v, condition.Value) is < 0),
        ConditionOperator.Le => values.Any(v => Compare(v, condition.Value) is <= 0),
        ConditionOperator.Gt => values.Any(v => Compare(v, condition.Value) is > 0),
        ConditionOperator.Ge => values.Any(v => Compare(v, condition.Value) is >= 0),
        _ => throw new NotSupportedException($"Unknown operator {condition.Operator}."),
    };

    /// <summary>Every non-null value at a dotted path, flattening arrays on the way.</summary>
    public static IReadOnlyList<JsonNode> Values(JsonObject facts, string path)
    {
        IEnumerable<JsonNode> current = [facts];
        foreach (var name in path.Split('.'))
        {
            current = current.SelectMany(node => Flatten(node is JsonObject obj && obj.TryGetPropertyValue(name, out var child) ? child : null));
        }

        return [.. current];
    }

    private static IEnumerable<JsonNode> Flatten(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.SelectMany(Flatten),
        _ => [node],
    };

    private static IEnumerable<JsonNode?> Members(JsonNode? value) => value as JsonArray ?? [];

    private static bool Equal(JsonNode fact, JsonNode? value) => value is not null && Compare(fact, value) == 0;

    /// <summary>Numbers compare as numbers, strings ordinally (ISO dates sort as text), booleans by value; other pairs do not compare.</summary>
    private static int? Compare(JsonNode fact, JsonNode? value)
    {
        if (fact is not JsonValue left || value is not JsonValue right)
        {
            return null;
        }

        return (left.GetValueKind(), right.GetValueKind()) switch
        {
            (JsonValueKind.Number, JsonValueKind.Number) => Number(left).CompareTo(Number(right)),
            (JsonValueKind.String, JsonValueKind.String) => string.CompareOrdinal(left.GetValue<string>(), right.GetValue<string>()),
            (JsonValueKind.True or JsonValueKind.False, JsonValueKind.True or JsonValueKind.False) =>
                (left.GetValueKind() == JsonValueKind.True).CompareTo(right.GetValueKind() == JsonValueKind.True),
            _ => null,
        };
    }

    private static decimal Number(JsonValue value) => decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
