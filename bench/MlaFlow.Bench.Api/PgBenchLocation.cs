namespace MlaFlow.Bench.Api;

/// <summary>Where pgbench is: Debian's newest PostgreSQL's, else the one on PATH.</summary>
internal static class PgBenchLocation
{
    public static string Default() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pgbench")).Where(File.Exists).OrderBy(p => p, StringComparer.Ordinal).LastOrDefault() ?? "pgbench"
            : "pgbench";
}
