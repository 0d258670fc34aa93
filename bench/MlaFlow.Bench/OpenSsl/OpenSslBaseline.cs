using System.ComponentModel;
using System.Diagnostics;

namespace MlaFlow.Bench.OpenSsl;

/// <summary>
/// The speed of each <see cref="OpenSslPrimitive"/> as <c>openssl speed</c> measured it in this run, single-threaded and
/// per wall-clock second (<c>-elapsed</c>, like the harness's own stopwatch, so both feel the same machine load).
/// A primitive that could not be measured has no rate, and <see cref="Problems"/> says why.
/// </summary>
internal sealed class OpenSslBaseline
{
    private readonly Dictionary<OpenSslPrimitive, double> _rates;

    private OpenSslBaseline(string? version, Dictionary<OpenSslPrimitive, double> rates, IReadOnlyList<string> problems, IReadOnlyList<string> commands)
    {
        Version = version;
        _rates = rates;
        Problems = problems;
        Commands = commands;
    }

    /// <summary>What <c>openssl version</c> printed, or null when openssl could not be run at all.</summary>
    public string? Version { get; }

    /// <summary>Why some or all primitives have no rate; empty when all were measured.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The openssl command lines that were run, for the report.</summary>
    public IReadOnlyList<string> Commands { get; }

    /// <summary>The primitive's rate in its <see cref="OpenSslPrimitive.Unit"/>, or null if it was not measured.</summary>
    public double? RateOf(OpenSslPrimitive primitive) => _rates.TryGetValue(primitive, out var rate) ? rate : null;

    /// <summary>
    /// Runs <c>openssl speed -mr -elapsed -seconds <paramref name="seconds"/></c> once for each distinct set of
    /// arguments among <paramref name="primitives"/>, one after the other.
    /// </summary>
    /// <param name="openssl">The openssl executable (a name looked up on PATH, or a path).</param>
    /// <param name="primitives">What to measure.</param>
    /// <param name="seconds">How long openssl runs each primitive (it counts whole seconds; signatures take twice as long: sign, then verify).</param>
    /// <param name="progress">Told what runs next.</param>
    /// <param name="cancellationToken">Kills the running openssl.</param>
    public static async Task<OpenSslBaseline> MeasureAsync(
        string openssl, IEnumerable<OpenSslPrimitive> primitives, int seconds, Action<string> progress, CancellationToken cancellationToken)
    {
        var rates = new Dictionary<OpenSslPrimitive, double>();
        var problems = new List<string>();
        var commands = new List<string>();
        var version = await TryRunAsync(openssl, ["version"], cancellationToken).ConfigureAwait(false);
        if (version.Problem is not null)
        {
            return new OpenSslBaseline(null, rates, [$"`{openssl} version` failed: {version.Problem}"], commands);
        }

        foreach (var run in primitives.GroupBy(p => string.Join(' ', p.SpeedArguments)))
        {
            var command = run.First().CommandLine(seconds);
            progress($"{openssl} {command}");
            commands.Add($"{openssl} {command}");
            var result = await TryRunAsync(openssl, ["speed", "-mr", "-elapsed", "-seconds", $"{seconds}", .. run.First().SpeedArguments], cancellationToken)
                .ConfigureAwait(false);
            if (result.Problem is not null)
            {
                problems.Add($"`{openssl} {command}` failed: {result.Problem}");
                continue;
            }

            foreach (var primitive in run)
            {
                try
                {
                    rates[primitive] = primitive.Read(result.Output);
                }
                catch (FormatException e)
                {
                    problems.Add($"{primitive.Name}: {e.Message}");
                }
            }
        }

        return new OpenSslBaseline(version.Output.Trim(), rates, problems, commands);
    }

    private static async Task<(string Output, string? Problem)> TryRunAsync(string openssl, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(openssl)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("no process was started");
        }
        catch (Win32Exception e)
        {
            return ("", $"could not start it ({e.Message})");
        }

        using (process)
        {
            // Both pipes are drained together: a full stderr pipe would otherwise stall openssl.
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var (stdout, stderr) = (await output.ConfigureAwait(false), await error.ConfigureAwait(false));
            return process.ExitCode == 0
                ? (stdout, null)
                : (stdout, $"exit code {process.ExitCode}: {FirstLine(stderr)}");
        }
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "(nothing on stderr)";
}
