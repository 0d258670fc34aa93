using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using MlaFlow.Gateway.Apis.Requests;

namespace MlaFlow.Gateway.Apis;

/// <summary>
/// Checks a JSON document against the shape of the body type it is to be read into (System.Text.Json's contract of
/// that type: its fields, and the JSON type each takes) and keeps what fits. Every unknown field, every field given
/// twice and every value of the wrong JSON type is reported at its path, and left out of the result, which then
/// deserializes without error. System.Text.Json itself stops at the first wrong value, with a message naming .NET
/// types; its <c>AllowDuplicateProperties = false</c> stops at the first repeated field, naming the body's .NET type
/// (and inside a <see cref="JsonObject"/> a repeated field is an <see cref="ArgumentException"/> whatever the option):
/// a client would learn one problem at a time, in terms of MlaFlow's code.
/// </summary>
internal static class JsonShape
{
    /// <summary>
    /// The part of <paramref name="value"/> that fits <paramref name="contract"/>; what does not is in <paramref name="errors"/>,
    /// keyed by path from <paramref name="path"/> (<c>$</c> for the body itself; then <c>persons[0].name</c>).
    /// </summary>
    public static JsonNode? Fitting(JsonElement value, JsonTypeInfo contract, string path, ValidationErrors errors)
    {
        var (kind, expected) = Expected(contract);
        if (value.ValueKind == JsonValueKind.Null)
        {
            // A missing value is the reader's to report (it knows whether the field is required), not a wrong type.
            return null;
        }

        if (value.ValueKind != kind || !InRange(value, contract.Type))
        {
            errors.Unreadable(path, $"{expected} expected, not {Given(value)}.");
            return null;
        }

        return contract.Kind switch
        {
            JsonTypeInfoKind.Object => FittingObject(value, contract, path, errors),
            JsonTypeInfoKind.Enumerable => FittingArray(value, contract.Options.GetTypeInfo(contract.ElementType!), path, errors),
            JsonTypeInfoKind.Dictionary => FittingMap(value, contract.Options.GetTypeInfo(contract.ElementType!), path, errors),
            _ when contract.Type == typeof(JsonObject) => AnyJson(value, path, errors),
            _ => JsonValue.Create(value),
        };
    }

    private static JsonObject FittingObject(JsonElement value, JsonTypeInfo contract, string path, ValidationErrors errors)
    {
        var comparison = contract.Options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var fitting = new JsonObject();
        foreach (var (property, name) in Distinct(value, comparison, path, errors))
        {
            if (contract.Properties.FirstOrDefault(p => string.Equals(p.Name, name, comparison)) is not { } field)
            {
                errors.Unreadable(Child(path, name), "Unknown field.");
            }
            else if (Fitting(property, contract.Options.GetTypeInfo(field.PropertyType), Child(path, field.Name), errors) is { } kept)
            {
                fitting[field.Name] = kept;
            }
        }

        return fitting;
    }

    private static JsonObject FittingMap(JsonElement value, JsonTypeInfo values, string path, ValidationErrors errors)
    {
        var fitting = new JsonObject();
        foreach (var (property, name) in Distinct(value, StringComparison.Ordinal, path, errors))
        {
            fitting[name] = Fitting(property, values, Child(path, name), errors);
        }

        return fitting;
    }

    private static JsonArray FittingArray(JsonElement value, JsonTypeInfo items, string path, ValidationErrors errors)
    {
        // A wrong item stays in its place as null, so the items after it keep the index the client gave them.
        var fitting = new JsonArray();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            fitting.Add(Fitting(item, items, $"{path}[{index++}]", errors));
        }

        return fitting;
    }

    // Free-form JSON (a task's form): any value fits, but a field given twice is as ambiguous here as anywhere.
    private static JsonNode? AnyJson(JsonElement value, string path, ValidationErrors errors) => value.ValueKind switch
    {
        JsonValueKind.Object => new JsonObject(Distinct(value, StringComparison.Ordinal, path, errors)
            .Select(p => KeyValuePair.Create(p.Name, AnyJson(p.Value, Child(path, p.Name), errors)))),
        JsonValueKind.Array => new JsonArray([.. value.EnumerateArray().Select((item, i) => AnyJson(item, $"{path}[{i}]", errors))]),
        JsonValueKind.Null => null,
        _ => JsonValue.Create(value),
    };

    /// <summary>The object's fields, but for those given more than once: each of those is reported and read as neither value.</summary>
    private static List<(JsonElement Value, string Name)> Distinct(JsonElement value, StringComparison comparison, string path, ValidationErrors errors)
    {
        var names = StringComparer.FromComparison(comparison);
        var properties = value.EnumerateObject().ToList();
        var repeated = properties.GroupBy(p => p.Name, names).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(names);
        foreach (var name in repeated)
        {
            errors.Unreadable(Child(path, name), "Given more than once; give each field once.");
        }

        return [.. properties.Where(p => !repeated.Contains(p.Name)).Select(p => (p.Value, p.Name))];
    }

    // Every field of a body is nullable, so that the reader reports each missing one, and of a JSON type said in words.
    private static (JsonValueKind Kind, string Words) Expected(JsonTypeInfo contract) => contract.Kind switch
    {
        JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => (JsonValueKind.Object, "An object"),
        JsonTypeInfoKind.Enumerable => (JsonValueKind.Array, "A list"),
        _ when contract.Type == typeof(string) => (JsonValueKind.String, "A string"),
        _ when contract.Type == typeof(int?) => (JsonValueKind.Number, $"A whole number ({int.MinValue} to {int.MaxValue})"),
        _ when contract.Type == typeof(long?) => (JsonValueKind.Number, $"A whole number ({long.MinValue} to {long.MaxValue})"),
        _ when contract.Type == typeof(JsonObject) => (JsonValueKind.Object, "An object"),
        _ => throw new NotSupportedException($"{nameof(JsonShape)} reads no {contract.Type} in a body: give it a string, int?, long?, list, record or JsonObject."),
    };

    private static bool InRange(JsonElement number, Type type) =>
        type == typeof(int?) ? number.TryGetInt32(out _) : type != typeof(long?) || number.TryGetInt64(out _);

    private static string Given(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "the number " + Shortened(value.GetRawText()),
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        _ => value.GetRawText(),
    };

    private static string Child(string path, string name) => path == "$" ? name : $"{path}.{name}";

    private static string Shortened(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
