using System.Text.Json;
using System.Text.Json.Nodes;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Workflows.Conditions;

namespace MlaFlow.Workflows.Loading;

/// <summary>
/// Reads a <c>when</c> (docs/workflows.md, "Conditions") and checks it against the fact catalogue, so a
/// misspelt fact is refused at load instead of quietly evaluating to false on a live request.
/// Recursion is bounded by the loader's depth limit.
/// </summary>
public sealed class ConditionReader(FactCatalog facts, Suggestions suggestions)
{
    private const string Example = "{ \"field\": \"request.urgency\", \"op\": \"eq\", \"value\": \"urgent\" }";
    private const string Scalar = "a string, number or boolean";
    private const string ArrayExample = "[\"urgent\", \"immediate\"]";
    private static readonly string[] Members = ["field", "op", "value", "all", "any", "not"];
    private static readonly string[] Combinators = ["all", "any", "not"];

    public Condition? Read(JsonElement element, string path, ProblemReport problems)
    {
        if (ObjectReader.Of(element, path, problems, "a condition such as " + Example) is not { } when)
        {
            return null;
        }

        when.RejectUnknown("a condition", Members);
        var forms = Combinators.Where(when.Has).ToList();
        if (when.Has("field") || when.Has("op") || when.Has("value"))
        {
            forms.Insert(0, "field");
        }

        if (forms.Count > 1)
        {
            problems.Add(path, $"A condition takes one form — field with op, all, any or not — but this one has {string.Join(" and ", forms)}; nest them in all or any.");
            return null;
        }

        if (forms.Count == 0)
        {
            // Only unknown members, reported already, or nothing at all.
            if (!when.Element.EnumerateObject().Any())
            {
                problems.Add(path, $"A condition needs field and op, or one of all, any, not, e.g. {Example}.");
            }

            return null;
        }

        return forms[0] switch
        {
            "all" => List(when, "all") is { } all ? new AllCondition(all) : null,
            "any" => List(when, "any") is { } any ? new AnyCondition(any) : null,
            "not" => Read(when.Element.GetProperty("not"), when.PathOf("not"), problems) is { } inner ? new NotCondition(inner) : null,
            _ => Field(when),
        };
    }

    private List<Condition>? List(ObjectReader when, string member)
    {
        var items = when.Array(member, "a list of conditions", missingHint: null);
        if (items is null)
        {
            return null;
        }

        if (items.Count == 0)
        {
            when.Problems.Add(when.PathOf(member), $"List at least one condition; {member} of nothing is a condition nobody can read.");
            return null;
        }

        var conditions = items.Select(i => Read(i.Item, i.Path, when.Problems)).OfType<Condition>().ToList();
        return conditions.Count == items.Count ? conditions : null;
    }

    private FieldCondition? Field(ObjectReader when)
    {
        var field = when.String("field", "the fact the condition tests, e.g. \"request.urgency\"", FactProblem);
        var op = when.Enum<ConditionOperator>("op", "operator",
            $"the operator, one of {Quote.List(EnumNames<ConditionOperator>.All)}");
        if (op is null)
        {
            return null;
        }

        var value = Value(when, op.Value, out var valueRead);
        return field is not null && valueRead ? new FieldCondition(field, op.Value, value) : null;
    }

    /// <summary>The value <paramref name="op"/> compares with; <paramref name="read"/> is false when it is missing or of the wrong shape.</summary>
    private static JsonNode? Value(ObjectReader when, ConditionOperator op, out bool read)
    {
        var name = EnumNames<ConditionOperator>.NameOf(op);
        var path = when.PathOf("value");
        var given = when.Member("value", missingHint: null);
        read = false;
        if (op == ConditionOperator.Exists)
        {
            read = given is null;
            if (given is not null)
            {
                when.Problems.Add(path, "The exists operator takes no value; remove it.");
            }

            return null;
        }

        if (given is not { } value)
        {
            when.Problems.Missing(when.Path, "value", op is ConditionOperator.In or ConditionOperator.NotIn
                ? $"{name} compares the fact with an array of values, e.g. {ArrayExample}"
                : $"{name} compares the fact with a value: {Scalar}");
            return null;
        }

        if (op is ConditionOperator.In or ConditionOperator.NotIn)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                when.Problems.Add(path, $"Must be an array of values for {name}, e.g. {ArrayExample}, not {ObjectReader.Describe(value)}.");
                return null;
            }

            read = ListValues(value, path, when.Problems);
        }
        else if (!IsScalar(value))
        {
            var hint = value.ValueKind == JsonValueKind.Null ? "to test whether the fact is present use exists" : "to compare with several values use in";
            when.Problems.Add(path, $"Must be {Scalar} for {name}, not {ObjectReader.Describe(value)}; {hint}.");
        }
        else
        {
            read = true;
        }

        return read ? JsonNode.Parse(value.GetRawText()) : null;
    }

    private static bool ListValues(JsonElement list, string path, ProblemReport problems)
    {
        if (list.GetArrayLength() == 0)
        {
            problems.Add(path, "List at least one value; a fact is never in an empty list.");
            return false;
        }

        var read = true;
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (!IsScalar(item))
            {
                problems.Add(JsonPaths.Item(path, i), ObjectReader.MustBe(Scalar, item));
                read = false;
            }

            i++;
        }

        return read;
    }

    private static bool IsScalar(JsonElement value) => value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;

    private string? FactProblem(string path)
    {
        if (facts.Contains(path))
        {
            return null;
        }

        var (prefix, known) = path switch
        {
            _ when path.StartsWith(FactCatalog.RequestPrefix, StringComparison.Ordinal) =>
                (FactCatalog.RequestPrefix, $"Request facts are {Quote.List(FactCatalog.Request)}."),
            _ when path.StartsWith(FactCatalog.FormPrefix, StringComparison.Ordinal) =>
                (FactCatalog.FormPrefix, "No task form of this workflow has that field; form facts are form.<step id>.<field name>."),
            _ when path.StartsWith(FactCatalog.PluginPrefix, StringComparison.Ordinal) =>
                (FactCatalog.PluginPrefix, "The plugin declares no such fact in plugin.json."),
            _ => ("", "A fact path starts with request., form. or plugin. (docs/workflows.md, \"Conditions\")."),
        };
        var suggestion = suggestions.For(path, facts.Paths.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        return $"Unknown fact {Quote.Of(path)}.{suggestion} {known}";
    }
}
