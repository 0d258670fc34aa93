namespace MlaFlow.Bench.Api;

/// <summary>One line of the report: an operation on a store at a number of clients, and pgbench's figures there.</summary>
public sealed record Measurement(string Store, string Operation, int Clients, Latencies Latencies)
{
    /// <summary>pgbench's TPC-B and simple-update transactions per second at the same clients; on PostgreSQL only.</summary>
    public (double TpcB, double SimpleUpdate)? PgBench { get; init; }
}
