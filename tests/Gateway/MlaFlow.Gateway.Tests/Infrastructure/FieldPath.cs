using System.Globalization;
using System.Text.Json.Nodes;

namespace MlaFlow.Gateway.Tests.Infrastructure;

/// <summary>A member of a request body at a path as the API's errors name it (<c>persons[0].name.aliases[0]</c>).</summary>
internal static class FieldPath
{
    public static string Text(JsonObject body, string path)
    {
        var (parent, last) = Parent(body, path);
        return Step(parent, last).GetValue<string>();
    }

    public static void Set(JsonObject body, string path, JsonNode value)
    {
        var (parent, last) = Parent(body, path);
        if (Index(last) is { } index)
        {
            parent[Member(last)]![index] = value;
        }
        else
        {
            parent[last] = value;
        }
    }

    public static void Remove(JsonObject body, string path)
    {
        var (parent, last) = Parent(body, path);
        parent.AsObject().Remove(last).ShouldBeTrue($"the body has {path}");
    }

    private static (JsonNode Parent, string Last) Parent(JsonObject body, string path)
    {
        var steps = path.Split('.');
        return (steps[..^1].Aggregate((JsonNode)body, Step), steps[^1]);
    }

    private static JsonNode Step(JsonNode node, string step) =>
        (Index(step) is { } index ? node[Member(step)]![index] : node[step]).ShouldNotBeNull($"the body has {step}");

    private static string Member(string step) => step[..step.IndexOf('[')];

    private static int? Index(string step) =>
        step.EndsWith(']') ? int.Parse(step[(step.IndexOf('[') + 1)..^1], CultureInfo.InvariantCulture) : null;
}
