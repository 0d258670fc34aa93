namespace MlaFlow.Bench.Api;

/// <summary>What one run measures.</summary>
/// <param name="Postgres">A PostgreSQL server the run may make databases on (and drop them); null: SQLite only, no pgbench.</param>
/// <param name="Clients">The numbers of concurrent clients to measure at.</param>
/// <param name="Duration">How long each measurement runs, after its warm-up.</param>
/// <param name="PgBench">The pgbench executable.</param>
public sealed record LoadOptions(string? Postgres, IReadOnlyList<int> Clients, TimeSpan Duration, string PgBench)
{
    /// <summary>The warm-up before each measurement: the node's code is compiled and its pools are filled.</summary>
    public TimeSpan WarmUp => TimeSpan.FromSeconds(Math.Min(5, Duration.TotalSeconds / 2));
}
