namespace MlaFlow.Workflows.Loading;

/// <summary>
/// "Did you mean …?" for names the author invents (step ids, facts): the closest candidate within two
/// edits, which catches most typos without suggesting unrelated names. Each load gets a budget of lookups,
/// so a file full of unknown names costs linear time rather than names × candidates × length².
/// </summary>
public sealed class Suggestions(int budget = 100)
{
    private const int MaxEdits = 2;
    private const int MaxNameLength = 64;
    private int _budget = budget;

    /// <summary><c>" Did you mean 'x'?"</c> (with its leading space), or an empty string when nothing is close or the budget is spent.</summary>
    public string For(string name, IEnumerable<string> candidates)
    {
        if (name.Length > MaxNameLength || _budget-- <= 0)
        {
            return "";
        }

        var best = candidates
            .Where(c => c != name && c.Length <= MaxNameLength && Math.Abs(c.Length - name.Length) <= MaxEdits)
            .Select(c => (Candidate: c, Edits: Distance(name, c)))
            .Where(c => c.Edits <= MaxEdits)
            .OrderBy(c => c.Edits)
            .ThenBy(c => c.Candidate, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Candidate is null ? "" : $" Did you mean {Quote.Of(best.Candidate)}?";
    }

    /// <summary>Levenshtein distance; both names are short, so the quadratic table is cheap.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
