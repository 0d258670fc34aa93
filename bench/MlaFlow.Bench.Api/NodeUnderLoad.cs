using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace MlaFlow.Bench.Api;

/// <summary>
/// The node measured: <c>dotnet MlaFlow.Silo.dll</c> of this checkout's build, on a data folder of its own and, for
/// PostgreSQL, a database of its own on the server given; started, ready once <c>/health</c> answers, stopped after.
/// </summary>
public sealed class NodeUnderLoad : IAsyncDisposable
{
    private static readonly string SiloPath = typeof(NodeUnderLoad).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SiloPath").Value!;

    private readonly Process _process;
    private readonly string _dataPath;
    private readonly Dictionary<string, string> _environment;

    private NodeUnderLoad(Process process, string dataPath, Dictionary<string, string> environment, Uri address) =>
        (_process, _dataPath, _environment, Address) = (process, dataPath, environment, address);

    public Uri Address { get; }

    /// <param name="connectionString">A PostgreSQL database for the node; null for the embedded SQLite store.</param>
    /// <param name="cancellationToken">Stops the wait for the node.</param>
    public static async Task<NodeUnderLoad> StartAsync(string? connectionString, CancellationToken cancellationToken)
    {
        if (!File.Exists(SiloPath))
        {
            throw new InvalidOperationException($"{SiloPath} is not built; build the solution in the configuration this benchmark runs in.");
        }

        var dataPath = Directory.CreateTempSubdirectory("mlaflow-bench-").FullName;
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var environment = new Dictionary<string, string>
        {
            ["MlaFlow__DataPath"] = dataPath,
            ["MlaFlow__Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["MlaFlow__Cluster__SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MlaFlow__Cluster__GatewayPort"] = "0",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (connectionString is not null)
        {
            environment["MlaFlow__Storage__Provider"] = "Postgres";
            environment["MlaFlow__Storage__ConnectionString"] = connectionString;
        }

        var process = Process.Start(Start(environment, "--urls", address.GetLeftPart(UriPartial.Authority)))!;
        var node = new NodeUnderLoad(process, dataPath, environment, address);
        // Drained, so a node that writes much never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
        await node.WaitUntilHealthyAsync(cancellationToken);
        return node;
    }

    /// <summary>A token of <paramref name="authority"/>'s <paramref name="role"/>, from the node's own <c>token</c> command.</summary>
    public async Task<string> TokenAsync(string authority, string role, CancellationToken cancellationToken)
    {
        using var command = Process.Start(Start(_environment, "token", "--authority", authority, "--role", role, "--hours", "2"))!;
        var token = await command.StandardOutput.ReadToEndAsync(cancellationToken);
        await command.WaitForExitAsync(cancellationToken);
        return command.ExitCode == 0 ? token.Trim() : throw new InvalidOperationException($"token: {await command.StandardError.ReadToEndAsync(cancellationToken)}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_dataPath, recursive: true);
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The node exited with code {_process.ExitCode} before it was ready.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException("The node did not become ready within 60 s.");
    }

    private static ProcessStartInfo Start(Dictionary<string, string> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(SiloPath)! };
        info.ArgumentList.Add(SiloPath);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        info.StandardOutputEncoding = Encoding.UTF8;
        return info;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
