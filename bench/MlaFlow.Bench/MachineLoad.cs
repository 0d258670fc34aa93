namespace MlaFlow.Bench;

/// <summary>The machine's load averages, which the report shows because a busy machine slows both sides of a ratio unevenly.</summary>
internal static class MachineLoad
{
    private const string LoadAverages = "/proc/loadavg";

    /// <summary>The 1, 5 and 15 minute load averages, e.g. "0.52 0.61 0.70"; null where Linux's /proc/loadavg is not there.</summary>
    public static string? Read() =>
        File.Exists(LoadAverages) ? string.Join(' ', File.ReadAllText(LoadAverages).Split(' ').Take(3)) : null;
}
