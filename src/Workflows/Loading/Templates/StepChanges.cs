using System.Text.Json;

namespace MlaFlow.Workflows.Loading.Templates;

/// <summary>
/// What a workflow file based on a template does to the template's steps: <c>remove</c> (ids), <c>replace</c> (whole
/// steps, by id), <c>change</c> (members of a step, by its id) and <c>add</c> (new steps). Read from the file first; then
/// checked against the template's steps, so that a step the template lacks is named with the closest id it has, and a
/// step is given one fate only.
/// </summary>
internal sealed class StepChanges
{
    private const string ChangeExample = "{ \"register\": { \"title\": \"…\" } }";

    /// <summary>What a change cannot touch: with another id or type a step is another step, replaced whole.</summary>
    public static IReadOnlyList<string> Kept { get; } = ["id", "type"];

    private readonly List<(string Id, string Path)> _removed = [];
    private readonly List<(JsonElement Step, string Path, string Id)> _replaced = [];
    private readonly List<(string Id, ObjectReader Members)> _changed = [];
    private readonly List<(JsonElement Step, string Path, string? Id)> _added = [];

    /// <summary>The ids of the template's steps this file removes, replaces or changes, each with where it says so; filled by <see cref="Check"/>.</summary>
    private readonly Dictionary<string, string> _claimed = new(StringComparer.Ordinal);

    private StepChanges()
    {
    }

    public static StepChanges Read(ObjectReader file)
    {
        var changes = new StepChanges();
        foreach (var (item, path) in file.Array("remove", "a list of the ids of the template's steps to leave out", missingHint: null) ?? [])
        {
            if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
            {
                changes._removed.Add((item.GetString()!, path));
            }
            else
            {
                file.Problems.Add(path, ObjectReader.MustBe("the id of a step of the template", item));
            }
        }

        foreach (var (item, path) in file.Array("replace", "a list of whole steps, each replacing the template's step with its id", missingHint: null) ?? [])
        {
            if (ObjectReader.Of(item, path, file.Problems, "a whole step, replacing the template's step with its id") is { } step
                && step.String("id", "the id of the template's step this one replaces", maxLength: 64) is { } id)
            {
                changes._replaced.Add((item, path, id));
            }
        }

        if (file.Object("change", $"an object mapping the id of a template's step to the members to change, e.g. {ChangeExample}", missingHint: null) is { } change)
        {
            foreach (var step in change.Element.EnumerateObject())
            {
                if (ObjectReader.Of(step.Value, change.PathOf(step.Name), file.Problems, "the members of the step to change, e.g. { \"title\": \"…\" }") is { } members)
                {
                    changes._changed.Add((step.Name, members));
                    foreach (var kept in Kept.Where(members.Has))
                    {
                        file.Problems.Add(members.PathOf(kept), $"A change keeps the step's {kept}; to make it another step, replace it whole under replace.");
                    }
                }
            }
        }

        foreach (var (item, path) in file.Array("add", "a list of steps to add to the template's", missingHint: null) ?? [])
        {
            // Whether it is a good step is for the step reader, once it is in the definition; here only its id matters.
            var id = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            changes._added.Add((item, path, id));
        }

        return changes;
    }

    /// <summary>Reports every step named that the template lacks (with the closest it has), and every step given two fates.</summary>
    public void Check(IReadOnlyCollection<string> templateIds, ProblemReport problems, Suggestions suggestions)
    {
        string Unknown(string id, string what) => $"The template has no step {Quote.Of(id)}{what}.{suggestions.For(id, templateIds.Order(StringComparer.Ordinal))}";

        foreach (var (id, path) in _removed)
        {
            Claim(id, path, templateIds.Contains(id) ? null : Unknown(id, " to remove"), problems);
        }

        foreach (var (_, path, id) in _replaced)
        {
            Claim(id, JsonPaths.Member(path, "id"), templateIds.Contains(id) ? null : Unknown(id, " to replace") + " A new step goes under add.", problems);
        }

        foreach (var (id, members) in _changed)
        {
            Claim(id, members.Path, templateIds.Contains(id) ? null : Unknown(id, " to change"), problems);
        }

        foreach (var (_, path, id) in _added.Where(a => a.Id is not null && templateIds.Contains(a.Id)))
        {
            problems.Add(JsonPaths.Member(path, "id"),
                $"The template has a step {Quote.Of(id!)} already; change it under change, or replace it whole under replace.");
        }
    }

    public bool Removes(string id) => _removed.Any(r => r.Id == id);

    /// <summary>The step that replaces the template's step <paramref name="id"/>, if any, and where it is written.</summary>
    public (JsonElement Step, string Path)? Replacement(string id) =>
        _replaced.FirstOrDefault(r => r.Id == id) is { Path: not null } found ? (found.Step, found.Path) : null;

    /// <summary>The members the file changes in the template's step <paramref name="id"/>, if any.</summary>
    public ObjectReader? Change(string id) => _changed.FirstOrDefault(c => c.Id == id).Members;

    /// <summary>The steps to add, those that would take a template step's id left out (reported by <see cref="Check"/>).</summary>
    public IEnumerable<(JsonElement Step, string Path)> Additions(IReadOnlyCollection<string> templateIds) =>
        _added.Where(a => a.Id is null || !templateIds.Contains(a.Id)).Select(a => (a.Step, a.Path));

    private void Claim(string id, string path, string? unknown, ProblemReport problems)
    {
        if (unknown is not null)
        {
            problems.Add(path, unknown);
        }
        else if (!_claimed.TryAdd(id, path))
        {
            problems.Add(path, $"Step {Quote.Of(id)} is already removed, replaced or changed at {_claimed[id]}; say once what becomes of a template's step.");
        }
    }
}
