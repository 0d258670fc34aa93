using System.Globalization;
using System.Text.Json.Nodes;

namespace MlaFlow.Samples.WatchList;

/// <summary>
/// The authority's watch list: one person per line, <c>family name | given names | date of birth</c> (the date,
/// ISO <c>yyyy-MM-dd</c>, may be left out); blank lines and lines starting with <c>#</c> are ignored. Names match
/// without regard to case or surrounding spaces, against a person's name and aliases.
/// </summary>
internal sealed class WatchList
{
    private const int MaxEntries = 100_000;

    private readonly List<Entry> _entries;

    private WatchList(List<Entry> entries) => _entries = entries;

    public int Count => _entries.Count;

    /// <exception cref="InvalidOperationException">The file cannot be read or has a malformed line; the message says which and how to fix it.</exception>
    public static WatchList Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The watch list '{Path.GetFileName(path)}' cannot be read ({e.Message}); restore the file in the plugin folder, then retry the step.", e);
        }

        var entries = new List<Entry>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            entries.Add(Parse(line) ?? throw new InvalidOperationException(
                $"Line {i + 1} of the watch list '{Path.GetFileName(path)}' is not 'family name | given names | yyyy-MM-dd'; correct it, then retry the step."));
            if (entries.Count > MaxEntries)
            {
                throw new InvalidOperationException($"The watch list '{Path.GetFileName(path)}' has more than {MaxEntries} entries; screening is meant for a short list.");
            }
        }

        return new WatchList(entries);
    }

    /// <summary>Whether the person (as in a request's facts: <c>name.familyName</c>, <c>name.givenNames</c>, <c>name.aliases</c>, <c>dateOfBirth</c>) is on the list.</summary>
    public bool Contains(JsonObject person)
    {
        var name = person["name"];
        var family = Normal(name?["familyName"]?.GetValue<string>());
        var given = Normal(name?["givenNames"]?.GetValue<string>());
        var aliases = (name?["aliases"]?.AsArray() ?? []).Select(a => Normal(a?.GetValue<string>())).ToHashSet();
        var born = person["dateOfBirth"]?.GetValue<string>();
        return _entries.Any(e =>
            (e.Family == family && e.Given == given || aliases.Contains($"{e.Given} {e.Family}") || aliases.Contains($"{e.Family} {e.Given}"))
            && (e.Born is null || e.Born == born));
    }

    private static Entry? Parse(string line)
    {
        var parts = line.Split('|');
        if (parts.Length is < 2 or > 3 || parts[..2].Any(string.IsNullOrWhiteSpace))
        {
            return null;
        }

        var born = parts.Length == 3 && !string.IsNullOrWhiteSpace(parts[2]) ? parts[2].Trim() : null;
        return born is not null && !DateOnly.TryParseExact(born, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null
            : new Entry(Normal(parts[0]), Normal(parts[1]), born);
    }

    private static string Normal(string? text) => string.Join(' ', (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    private sealed record Entry(string Family, string Given, string? Born);
}
