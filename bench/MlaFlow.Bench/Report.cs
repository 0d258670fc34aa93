using System.Globalization;
using System.Runtime.InteropServices;
using MlaFlow.Bench.OpenSsl;

namespace MlaFlow.Bench;

/// <summary>The plain-text report: the run's conditions, openssl's primitives, and the table of ratios with their models.</summary>
internal static class Report
{
    private const string Missing = "-";

    public static void Write(
        TextWriter writer, BenchOptions options, string timing, OpenSslSpeed openssl, IReadOnlyList<MeasurementResult> results, string scratchPath, string? loadAtStart)
    {
        writer.WriteLine("MlaFlow crypto next to openssl speed, measured in the same run");
        writer.WriteLine($"  machine    {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, {RuntimeInformation.FrameworkDescription}");
        writer.WriteLine($"  openssl    {openssl.Version ?? "not available: no baseline, MlaFlow's rates only"}");
        writer.WriteLine($"  run        {(options.Quick ? "--quick (to check the harness, not to quote): one round" : $"full: best of {options.Rounds} rounds")} per line, " +
            $"each: openssl {options.OpenSslSeconds} s per primitive the line needs, then MlaFlow ({timing}; " +
            $"or one pass over a {Size(options.AttachmentLength)} attachment); single-threaded, wall-clock time on both sides");
        if (loadAtStart is not null && MachineLoad.Read() is { } loadAtEnd)
        {
            writer.WriteLine($"  load       {loadAtStart} at the start, {loadAtEnd} at the end (1, 5, 15 min averages; other work on the machine slows both sides)");
        }

        writer.WriteLine($"  disk       {scratchPath}: written through the page cache (not fsynced), then read back, then deleted");
#if DEBUG
        writer.WriteLine("  WARNING    a Debug build: run with -c Release for numbers worth reading");
#endif
        writer.WriteLine();

        var measured = OpenSslPrimitive.All.Where(p => openssl.Best.RateOf(p) is not null).ToList();
        if (measured.Count > 0)
        {
            writer.WriteLine($"openssl speed -mr -elapsed -seconds {options.OpenSslSeconds} (best round, per wall-clock second)");
            var nameWidth = measured.Max(p => p.Name.Length);
            foreach (var primitive in measured)
            {
                writer.WriteLine($"  {primitive.Name.PadRight(nameWidth)}  {Rate(openssl.Best.RateOf(primitive), primitive.Unit),16}   {string.Join(' ', primitive.SpeedArguments)}");
            }

            writer.WriteLine();
        }

        string[] header = ["Measurement", "MlaFlow", "OpenSSL-equivalent", "MlaFlow/OpenSSL"];
        var rows = results.Select((r, i) =>
        {
            var equivalent = r.Measurement.Model.Rate(r.OpenSsl);
            var ratio = r.Rate is { } mlaflow && equivalent is { } e ? (mlaflow / e).ToString("0.00", CultureInfo.InvariantCulture) : Missing;
            return new[] { $"[{i + 1}] {r.Measurement.Name}", r.Problem is null ? Rate(r.Rate, r.Measurement.Unit) : "FAILED", Rate(equivalent, r.Measurement.Unit), ratio };
        }).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(c => rows.Select(r => r[c].Length).Append(header[c].Length).Max()).ToArray();
        writer.WriteLine(Row(header, widths));
        foreach (var row in rows)
        {
            writer.WriteLine(Row(row, widths));
        }

        writer.WriteLine();
        writer.WriteLine("OpenSSL-equivalent: the rate openssl's primitives (as measured in the same rounds as the line) reach for the");
        writer.WriteLine("same work, one operation (or byte) costing the sum of count / rate over the primitives listed. The ratio is");
        writer.WriteLine("MlaFlow's rate divided by it: 1.00 is as fast as openssl's own loop, lower is MlaFlow's overhead. Ratios move");
        writer.WriteLine("by several per cent between runs, more on a machine busy with other work.");
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            writer.WriteLine($"[{i + 1}] {result.Measurement.Model.Formula}.");
            writer.WriteLine($"    {result.Measurement.Model.Note}");
            if (result.Problem is not null)
            {
                writer.WriteLine($"    FAILED: {result.Problem}");
            }
        }

        if (openssl.Problems.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("No baseline where openssl failed:");
            foreach (var problem in openssl.Problems)
            {
                writer.WriteLine($"  {problem}");
            }
        }
    }

    /// <summary>A byte count in the largest binary unit that divides it, e.g. "1 GiB", "64 MiB".</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 when bytes % (1L << 30) == 0 => $"{bytes >> 30} GiB",
        >= 1L << 20 when bytes % (1L << 20) == 0 => $"{bytes >> 20} MiB",
        >= 1L << 10 when bytes % (1L << 10) == 0 => $"{bytes >> 10} KiB",
        _ => $"{bytes} bytes",
    };

    private static string Rate(double? rate, RateUnit unit) => rate switch
    {
        null => Missing,
        { } r when unit == RateUnit.BytesPerSecond => (r / 1e6).ToString("N0", CultureInfo.InvariantCulture) + " MB/s",
        { } r => r.ToString("N0", CultureInfo.InvariantCulture) + " op/s",
    };

    // The name column is left-aligned, the numbers right-aligned.
    private static string Row(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd();
}
