using System.Text.Json;

namespace MlaFlow.Workflows.Loading;

/// <summary>
/// A step as the graph checks see it, read leniently from its JSON: whatever id, type, outcome targets
/// and join reference are there as strings. Whether they are well-formed is the step reader's concern.
/// </summary>
internal sealed class GraphNode
{
    private GraphNode(
        string path, string? id, string? type, IReadOnlyList<(string Outcome, string Target, string Path)> outcomes, string? parallel, bool outcomesRead)
    {
        Path = path;
        OutcomesRead = outcomesRead;
        Id = id;
        Type = type;
        Outcomes = outcomes;
        Parallel = parallel;
    }

    public string Path { get; }

    public string? Id { get; }

    public string? Type { get; }

    public IReadOnlyList<(string Outcome, string Target, string Path)> Outcomes { get; }

    public string? Parallel { get; }

    /// <summary>
    /// Whether the step's type is known and its outcomes are all there as step ids. When not, where the
    /// step leads is unknown: the graph checks then give it the benefit of the doubt.
    /// </summary>
    public bool OutcomesRead { get; }

    /// <summary>Set when an earlier step has the same id; such a step is reported once and then left out.</summary>
    public bool IsDuplicate { get; set; }

    /// <summary>Whether reachability can be judged and reported for this step by its id.</summary>
    public bool IsNamed => Id is not null && !IsDuplicate;

    public static GraphNode From(JsonElement step, string path)
    {
        if (step.ValueKind != JsonValueKind.Object)
        {
            return new GraphNode(path, null, null, [], null, outcomesRead: false);
        }

        var type = Text(step, "type");
        var outcomesPath = JsonPaths.Member(path, "outcomes");
        if (type == StepTypes.End)
        {
            return new GraphNode(path, Text(step, "id"), type, [], null, outcomesRead: true);
        }

        var map = step.TryGetProperty("outcomes", out var outcomes) && outcomes.ValueKind == JsonValueKind.Object ? outcomes.EnumerateObject().ToList() : null;
        var targets = (map ?? [])
            .Where(o => o.Value.ValueKind == JsonValueKind.String)
            .Select(o => (o.Name, o.Value.GetString()!, JsonPaths.Member(outcomesPath, o.Name)))
            .ToList();
        var read = StepTypes.IsKnown(type) && map is { Count: > 0 } && targets.Count == map.Count;
        return new GraphNode(path, Text(step, "id"), type, targets, Text(step, "parallel"), read);
    }

    private static string? Text(JsonElement step, string member) =>
        step.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
