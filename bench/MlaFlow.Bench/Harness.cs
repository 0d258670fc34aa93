using MlaFlow.Bench.OpenSsl;

namespace MlaFlow.Bench;

/// <summary>What one measurement gave: MlaFlow's best rate or why it failed, and openssl's best rates for its model.</summary>
internal sealed record MeasurementResult(Measurement Measurement, double? Rate, OpenSslRates OpenSsl, string? Problem);

/// <summary>
/// Runs every <see cref="Measurements"/> entry in rounds: openssl measures the primitives the entry's model needs, then
/// MlaFlow does the entry's work; each side's best round counts. Then writes the report.
/// </summary>
internal static class Harness
{
    /// <returns>0, or 1 if a measurement failed (MlaFlow's output was wrong or it threw). A missing openssl is not a failure.</returns>
    public static async Task<int> RunAsync(BenchOptions options, TextWriter report, TextWriter progress, CancellationToken cancellationToken)
    {
        var loadAtStart = MachineLoad.Read();
        var openssl = await OpenSslSpeed.StartAsync(options.OpenSsl, options.OpenSslSeconds, cancellationToken).ConfigureAwait(false);
        await using var scratch = new ScratchAttachment(Path.GetTempPath());
        var context = new BenchContext(options, new InProcessBenchmarks(options, progress), scratch, cancellationToken);
        var results = new List<MeasurementResult>();
        foreach (var measurement in Measurements.All(options))
        {
            var result = new MeasurementResult(measurement, null, OpenSslRates.None, null);
            for (var round = 1; round <= options.Rounds && result.Problem is null; round++)
            {
                var rates = await openssl.MeasureAsync(measurement.Model.Costs.Select(c => c.Primitive), c => progress.WriteLine($"openssl: {c}"), cancellationToken)
                    .ConfigureAwait(false);
                progress.WriteLine($"MlaFlow: {measurement.Name} (round {round} of {options.Rounds})");
                try
                {
                    var rate = await measurement.RunAsync(context).ConfigureAwait(false);
                    result = result with { Rate = Math.Max(result.Rate ?? 0, rate), OpenSsl = result.OpenSsl.Best(rates) };
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    result = result with { Rate = null, Problem = $"{e.GetType().Name}: {e.Message}" };
                }
            }

            results.Add(result);
        }

        Report.Write(report, options, context.Benchmarks.Description, openssl, results, scratch.Path, loadAtStart);
        return results.Any(r => r.Problem is not null) ? 1 : 0;
    }
}
