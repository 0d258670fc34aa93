using System.Globalization;

namespace MlaFlow.Workflows.Execution;

/// <summary>
/// Names of the durable timers a workflow arms: <c>wf-17-due</c>, <c>wf-17-warn</c> for token 17. Token ids are
/// never reused, so a timer that fires late for a step already left finds no token and does nothing.
/// </summary>
public static class TimerNames
{
    private const string Prefix = "wf-";

    public static string Due(int tokenId) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{tokenId}-due");

    public static string Warn(int tokenId) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{tokenId}-warn");

    /// <summary>Reads a timer name back into its token id and whether it is the warning.</summary>
    public static bool TryParse(string name, out int tokenId, out bool isWarning)
    {
        (tokenId, isWarning) = (0, false);
        if (!name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = name[Prefix.Length..];
        var kind = rest.LastIndexOf('-');
        if (kind < 0 || !int.TryParse(rest.AsSpan(0, kind), NumberStyles.None, CultureInfo.InvariantCulture, out tokenId))
        {
            return false;
        }

        isWarning = rest[(kind + 1)..] == "warn";
        return isWarning || rest[(kind + 1)..] == "due";
    }
}
