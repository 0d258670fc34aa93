using System.ComponentModel;
using System.Diagnostics;

namespace MlaFlow.Bench.OpenSsl;

/// <summary>
/// Runs <c>openssl speed</c> on <see cref="OpenSslPrimitive"/>s, single-threaded and per wall-clock second
/// (<c>-elapsed</c>, like the harness's own stopwatch, so both sides feel the same machine load). It is asked right
/// before each MlaFlow measurement, for the primitives that measurement's model needs, so that both sides of a ratio
/// are measured close together in time. A primitive that could not be measured has no rate, and
/// <see cref="Problems"/> says why.
/// </summary>
internal sealed class OpenSslSpeed
{
    private readonly string _openssl;
    private readonly int _seconds;
    private readonly List<string> _problems = [];

    private OpenSslSpeed(string openssl, int seconds, string? version)
    {
        _openssl = openssl;
        _seconds = seconds;
        Version = version;
    }

    /// <summary>What <c>openssl version</c> printed, or null when openssl could not be run: then nothing is measured.</summary>
    public string? Version { get; }

    /// <summary>Why some or all primitives have no rate; empty when all were measured.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Each primitive's best rate of the whole run.</summary>
    public OpenSslRates Best { get; private set; } = OpenSslRates.None;

    /// <summary>Finds out whether <paramref name="openssl"/> runs (<c>openssl version</c>).</summary>
    /// <param name="openssl">The openssl executable (a name looked up on PATH, or a path).</param>
    /// <param name="seconds">How long openssl runs each primitive (whole seconds; signatures take twice as long: sign, then verify).</param>
    /// <param name="cancellationToken">Kills the running openssl.</param>
    public static async Task<OpenSslSpeed> StartAsync(string openssl, int seconds, CancellationToken cancellationToken)
    {
        var version = await TryRunAsync(openssl, ["version"], cancellationToken).ConfigureAwait(false);
        var speed = new OpenSslSpeed(openssl, seconds, version.Problem is null ? version.Output.Trim() : null);
        if (version.Problem is not null)
        {
            speed._problems.Add($"`{openssl} version` failed: {version.Problem}");
        }

        return speed;
    }

    /// <summary>
    /// Runs <c>openssl speed -mr -elapsed -seconds N</c> once for each distinct set of arguments among those of
    /// <paramref name="primitives"/>, one after the other.
    /// </summary>
    /// <param name="primitives">What the next measurement needs.</param>
    /// <param name="progress">Told each command before it runs.</param>
    /// <param name="cancellationToken">Kills the running openssl.</param>
    /// <returns>The rates measured now; none if openssl does not run.</returns>
    public async Task<OpenSslRates> MeasureAsync(IEnumerable<OpenSslPrimitive> primitives, Action<string> progress, CancellationToken cancellationToken)
    {
        if (Version is null)
        {
            return OpenSslRates.None;
        }

        var rates = new Dictionary<OpenSslPrimitive, double>();

        foreach (var run in primitives.Distinct().GroupBy(p => string.Join(' ', p.SpeedArguments)))
        {
            var command = $"{_openssl} {run.First().CommandLine(_seconds)}";
            progress(command);
            var result = await TryRunAsync(_openssl, ["speed", "-mr", "-elapsed", "-seconds", $"{_seconds}", .. run.First().SpeedArguments], cancellationToken)
                .ConfigureAwait(false);
            if (result.Problem is not null)
            {
                Remember(_problems, $"`{command}` failed: {result.Problem}");
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
                    Remember(_problems, $"{primitive.Name}: {e.Message}");
                }
            }
        }

        var measured = new OpenSslRates(rates);
        Best = Best.Best(measured);
        return measured;
    }

    private static void Remember(List<string> list, string item)
    {
        if (!list.Contains(item))
        {
            list.Add(item);
        }
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
