using System.Text.Json;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Workflows.Loading;

/// <summary>
/// Reads the members of one JSON object of a definition, reporting each missing, mistyped or unknown
/// member with its path and carrying on, so one pass finds every problem. A read that fails returns null;
/// callers build a model value only from members that were all read.
/// </summary>
public sealed class ObjectReader
{
    private ObjectReader(JsonElement element, string path, ProblemReport problems)
    {
        Element = element;
        Path = path;
        Problems = problems;
    }

    public JsonElement Element { get; }

    public string Path { get; }

    public ProblemReport Problems { get; }

    /// <summary>A reader for <paramref name="element"/>, or null (reported) when it is not <paramref name="expected"/>, an object.</summary>
    public static ObjectReader? Of(JsonElement element, string path, ProblemReport problems, string expected)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return new ObjectReader(element, path, problems);
        }

        problems.Add(path, MustBe(expected, element));
        return null;
    }

    public string PathOf(string member) => JsonPaths.Member(Path, member);

    public bool Has(string member) => Element.TryGetProperty(member, out _);

    /// <summary>Reports every member not in <paramref name="allowed"/>: most are typos, and a typo silently ignored is a rule silently dropped.</summary>
    public void RejectUnknown(string owner, IReadOnlyList<string> allowed)
    {
        foreach (var member in Element.EnumerateObject().Where(m => !allowed.Contains(m.Name, StringComparer.Ordinal)))
        {
            Problems.Add(PathOf(member.Name), $"Unknown member {Quote.Of(member.Name)} in {owner}; expected {Quote.List(allowed)}.");
        }
    }

    /// <summary>The member's value; when it is absent, null, reported as missing if <paramref name="missingHint"/> is given.</summary>
    public JsonElement? Member(string member, string? missingHint)
    {
        if (Element.TryGetProperty(member, out var value))
        {
            return value;
        }

        if (missingHint is not null)
        {
            Problems.Missing(Path, member, missingHint);
        }

        return null;
    }

    /// <summary>A non-blank string of at most <paramref name="maxLength"/> characters that passes <paramref name="check"/>.</summary>
    public string? String(string member, string? missingHint, Func<string, string?>? check = null, int maxLength = 200)
    {
        if (Member(member, missingHint) is not { } value)
        {
            return null;
        }

        var path = PathOf(member);
        if (value.ValueKind != JsonValueKind.String)
        {
            Problems.Add(path, MustBe("a string", value));
            return null;
        }

        var text = value.GetString()!;
        var problem = string.IsNullOrWhiteSpace(text) ? "Must not be empty."
            : text.Length > maxLength ? $"At most {maxLength} characters (got {text.Length})."
            : check?.Invoke(text);
        if (problem is not null)
        {
            Problems.Add(path, problem);
            return null;
        }

        return text;
    }

    /// <summary>A string that is one of <paramref name="allowed"/>, e.g. a step type or role.</summary>
    public string? OneOf(string member, string what, IReadOnlyList<string> allowed, string? missingHint) =>
        String(member, missingHint, text => allowed.Contains(text, StringComparer.Ordinal) ? null : UnknownName(what, text, allowed));

    /// <summary>An enum value by its camelCase name (<c>partiallyExecuted</c>).</summary>
    public TEnum? Enum<TEnum>(string member, string what, string? missingHint) where TEnum : struct, Enum =>
        OneOf(member, what, EnumNames<TEnum>.All, missingHint) is { } name && EnumNames<TEnum>.TryParse(name, out var value) ? value : null;

    public int? Integer(string member, int min, int max, string? missingHint)
    {
        if (Member(member, missingHint) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max)
        {
            return number;
        }

        var got = value.ValueKind == JsonValueKind.Number ? value.GetRawText() : Describe(value);
        Problems.Add(PathOf(member), $"Must be a whole number from {min} to {max} (got {got}).");
        return null;
    }

    public bool? Boolean(string member)
    {
        if (Member(member, missingHint: null) is not { } value)
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Problems.Add(PathOf(member), MustBe("true or false", value));
        return null;
    }

    /// <summary>A nested object, <paramref name="expected"/> describing it for the author when it is something else.</summary>
    public ObjectReader? Object(string member, string expected, string? missingHint) =>
        Member(member, missingHint) is { } value ? Of(value, PathOf(member), Problems, expected) : null;

    /// <summary>The items of an array member with their paths; null when absent or not an array.</summary>
    public IReadOnlyList<(JsonElement Item, string Path)>? Array(string member, string expected, string? missingHint)
    {
        if (Member(member, missingHint) is not { } value)
        {
            return null;
        }

        var path = PathOf(member);
        if (value.ValueKind != JsonValueKind.Array)
        {
            Problems.Add(path, MustBe(expected, value));
            return null;
        }

        return [.. value.EnumerateArray().Select((item, i) => (item, JsonPaths.Item(path, i)))];
    }

    public static string UnknownName(string what, string name, IReadOnlyList<string> allowed) =>
        $"Unknown {what} {Quote.Of(name)}; expected one of {Quote.List(allowed)}.";

    public static string MustBe(string expected, JsonElement got) => $"Must be {expected}, not {Describe(got)}.";

    /// <summary>What the author wrote instead, in words: "a number", "an array", "null".</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
