namespace MlaFlow.Bench.Api;

/// <summary>The latencies of one operation over a measurement, and what they say: throughput and percentiles.</summary>
public sealed class Latencies(IReadOnlyList<TimeSpan> samples, TimeSpan elapsed)
{
    public int Count => samples.Count;

    public double PerSecond => samples.Count / elapsed.TotalSeconds;

    /// <summary>The latency <paramref name="percentile"/> (0–100) of the samples lie at or under (nearest rank).</summary>
    public TimeSpan Percentile(double percentile)
    {
        if (samples.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var sorted = samples.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
