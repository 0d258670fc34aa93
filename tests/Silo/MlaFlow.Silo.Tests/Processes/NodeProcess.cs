using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MlaFlow.Testing;

namespace MlaFlow.Silo.Tests.Processes;

/// <summary>
/// A running node: <c>dotnet MlaFlow.Silo.dll --urls http://127.0.0.1:PORT</c> as a child process on a free
/// loopback port, started on a <see cref="NodeStore"/> and ready once <c>/health</c> answers 200.
/// Disposing kills it, so no test leaves a node behind, whether it passes or fails.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private NodeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the node wrote to stdout and stderr so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="store">What the node keeps between runs.</param>
    /// <param name="environment">The node's configuration; <paramref name="store"/>'s own unless given (<see cref="NodeStore.EnvironmentWith"/>).</param>
    public static async Task<NodeProcess> StartAsync(NodeStore store, IReadOnlyDictionary<string, string>? environment = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var process = new Process { StartInfo = SiloExecutable.StartInfo(["--urls", address.GetLeftPart(UriPartial.Authority)], environment ?? store.Environment) };
        var node = new NodeProcess(process, address);
        process.OutputDataReceived += (_, line) => node.Append(line.Data);
        process.ErrorDataReceived += (_, line) => node.Append(line.Data);
        process.Start();
        try
        {
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await node.WaitUntilHealthyAsync();
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// SIGKILL (what <see cref="Process.Kill()"/> sends on Unix): no shutdown hooks run and nothing is
    /// flushed, so the node stops between any two instructions, as in a crash. Returns once the process is
    /// gone and its port refuses connections — the proof that the killed process was the node itself.
    /// </summary>
    public async Task KillAsync()
    {
        _process.Kill();
        using var timeout = new CancellationTokenSource(ExitTimeout);
        await _process.WaitForExitAsync(timeout.Token);
        using var probe = new TcpClient();
        var refused = false;
        try
        {
            await probe.ConnectAsync(IPAddress.Loopback, Address.Port);
        }
        catch (SocketException)
        {
            refused = true;
        }

        refused.ShouldBeTrue($"Port {Address.Port} still answers after node process {_process.Id} was killed: the node must be another process.");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(ExitTimeout);
            await _process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                // The parameterless wait also drains the output pipes, so the message holds the node's last words.
                _process.WaitForExit();
                throw new InvalidOperationException($"The node exited with code {_process.ExitCode} before /health answered.\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet (or too busy starting to answer): ask again.
            }

            if (waited.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"The node did not answer /health with 200 within {StartTimeout.TotalSeconds:0} s.\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.AppendLine(line);
        }
    }
}
