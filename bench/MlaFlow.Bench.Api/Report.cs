using System.Globalization;

namespace MlaFlow.Bench.Api;

/// <summary>The run as a Markdown table: requests per second, latency percentiles, and the ratios to pgbench.</summary>
public static class Report
{
    public static void Write(TextWriter output, LoadOptions options, IReadOnlyList<Measurement> measurements)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"API load, {options.Duration.TotalSeconds:0} s per measurement after {options.WarmUp.TotalSeconds:0} s of warm-up, {Environment.ProcessorCount} cores"));
        output.WriteLine();
        output.WriteLine("| store | operation | clients | req/s | p50 ms | p99 ms | pgbench TPC-B tps | ratio | pgbench simple-update tps | ratio |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var m in measurements)
        {
            var latencies = m.Latencies;
            var pg = m.PgBench is { } bench
                ? string.Create(CultureInfo.InvariantCulture, $"{bench.TpcB:0} | {latencies.PerSecond / bench.TpcB:0.00} | {bench.SimpleUpdate:0} | {latencies.PerSecond / bench.SimpleUpdate:0.00}")
                : "– | – | – | –";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {m.Store} | {m.Operation} | {m.Clients} | {latencies.PerSecond:0} | {latencies.Percentile(50).TotalMilliseconds:0.00} | {latencies.Percentile(99).TotalMilliseconds:0.00} | {pg} |"));
        }
    }
}
