using MlaFlow.Bench.OpenSsl;

namespace MlaFlow.Bench;

/// <summary>What one measurement gave: its rate, or why it failed.</summary>
internal sealed record MeasurementResult(Measurement Measurement, double? Rate, string? Problem);

/// <summary>
/// Runs every <see cref="Measurements"/> entry, each right after openssl has measured the primitives its model needs
/// (those not measured already), then writes the report.
/// </summary>
internal static class Harness
{
    /// <returns>0, or 1 if a measurement failed (MlaFlow's output was wrong or it threw). A missing openssl is not a failure.</returns>
    public static async Task<int> RunAsync(BenchOptions options, TextWriter report, TextWriter progress, CancellationToken cancellationToken)
    {
        var baseline = await OpenSslBaseline.StartAsync(options.OpenSsl, options.OpenSslSeconds, cancellationToken).ConfigureAwait(false);
        await using var scratch = new ScratchAttachment(Path.GetTempPath());
        var context = new BenchContext(options, new RateMeter(options.WarmUp, options.Duration), scratch, cancellationToken);
        var results = new List<MeasurementResult>();
        foreach (var measurement in Measurements.All(options))
        {
            await baseline.MeasureAsync(measurement.Model.Costs.Select(c => c.Primitive), c => progress.WriteLine($"openssl: {c}"), cancellationToken)
                .ConfigureAwait(false);
            progress.WriteLine($"MlaFlow: {measurement.Name}");
            try
            {
                results.Add(new(measurement, await measurement.RunAsync(context).ConfigureAwait(false), null));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                results.Add(new(measurement, null, $"{e.GetType().Name}: {e.Message}"));
            }
        }

        Report.Write(report, options, baseline, results, scratch.Path);
        return results.Any(r => r.Problem is not null) ? 1 : 0;
    }
}
