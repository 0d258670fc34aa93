using System.Text.Json.Nodes;
using MlaFlow.Plugins.Sdk.Extensions;

namespace MlaFlow.Samples.WatchList;

/// <summary>
/// Screens the persons named in an incoming request against the watch list the central authority keeps beside
/// its plugin (<c>settings.list</c>, a file in the plugin folder). A match does not refuse the request: it sends it
/// to a prosecutor, who decides. The list is read at each run, so the authority can update it without restarting
/// the node; a list that cannot be read faults the step, and an officer retries it once the file is fixed.
/// </summary>
public sealed class WatchListScreening(PluginEnvironment environment) : ICustomStep
{
    public const string Clear = "clear";
    public const string Match = "match";

    public string Name => "watch-list-screening";

    public IReadOnlyList<string> Outcomes { get; } = [Clear, Match];

    public CustomStepResult Run(CustomStepInput input)
    {
        var list = WatchList.Read(ListPath(input.Settings));
        var persons = input.Facts["request"]?["persons"]?.AsArray() ?? [];
        var matches = persons.OfType<JsonObject>().Where(list.Contains).Select(Describe).ToList();
        return matches.Count == 0
            ? new CustomStepResult(Clear, $"{persons.Count} person(s) screened against {list.Count} watch-list entries: no match.")
            : new CustomStepResult(Match, $"On the watch list: {string.Join("; ", matches)}.");
    }

    // The list must be a file of the plugin's own folder: a definition cannot point the step at the node's files.
    private string ListPath(JsonObject settings)
    {
        var name = settings["list"]?.GetValue<string>()
            ?? throw new InvalidOperationException("The step's settings name no watch list; set settings.list to a file in the plugin folder.");
        var folder = Path.GetFullPath(environment.Folder) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(Path.Combine(folder, name));
        return path.StartsWith(folder, StringComparison.Ordinal)
            ? path
            : throw new InvalidOperationException($"The watch list '{name}' is outside the plugin folder; name a file inside it.");
    }

    private static string Describe(JsonObject person) =>
        $"{person["name"]?["familyName"]} {person["name"]?["givenNames"]} ({person["role"]})";
}
