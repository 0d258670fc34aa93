using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace MlaFlow.Bench.Api;

/// <summary>
/// pgbench against the same PostgreSQL server, in the same run, on a database of its own: the baseline the node's
/// figures are divided by. TPC-B (pgbench's default script: five statements, three updates, in one transaction) and
/// simple-update (the same without the two contended updates).
/// </summary>
public sealed partial class PgBench(string executable, NpgsqlConnectionStringBuilder server)
{
    /// <summary>Scale 64: 64 branches, so that 64 clients do not all queue on a handful of branch rows.</summary>
    private const int Scale = 64;

    public async Task InitializeAsync(string database, CancellationToken cancellationToken) =>
        await RunAsync(["-i", "-q", "-s", Scale.ToString(CultureInfo.InvariantCulture), database], cancellationToken);

    /// <summary>Transactions per second of the built-in <paramref name="script"/> (<c>tpcb-like</c>, <c>simple-update</c>) at <paramref name="clients"/> clients.</summary>
    public async Task<double> TpsAsync(string database, string script, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var count = clients.ToString(CultureInfo.InvariantCulture);
        var output = await RunAsync(["-n", "-b", script, "-c", count, "-j", count, "-T", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture), database], cancellationToken);
        var match = Tps().Match(output);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"pgbench printed no tps:\n{output}");
    }

    private async Task<string> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-h", server.Host!, "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", server.Username!, .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        if (server.Password is { } password)
        {
            info.Environment["PGPASSWORD"] = password;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0 ? await output + await error
            : throw new InvalidOperationException($"pgbench {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}");
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();
}
