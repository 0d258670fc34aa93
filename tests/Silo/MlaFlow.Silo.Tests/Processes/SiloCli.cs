using System.Diagnostics;
using System.Text;

namespace MlaFlow.Silo.Tests.Processes;

/// <summary>
/// Runs the Silo executable to its end: a one-shot command (<c>token</c>, <c>audit verify</c>), or a node
/// that is expected to refuse to start. Bounded: a run that does not end in time is killed and fails.
/// </summary>
internal static class SiloCli
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static Task<CommandResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        RunAsync(environment, standardInput: [], arguments);

    /// <summary>Runs a command that reads stdin (<c>hpke seal</c>, <c>hpke open</c>): <paramref name="standardInput"/> is written to it, then it is closed.</summary>
    public static async Task<CommandResult> RunAsync(IReadOnlyDictionary<string, string> environment, byte[] standardInput, params string[] arguments)
    {
        using var process = Process.Start(SiloExecutable.StartInfo(arguments, environment))
            ?? throw new InvalidOperationException($"Could not start {SiloExecutable.Path}.");
        try
        {
            // Both outputs are drained while stdin is written, so a command that answers before reading all of
            // its input cannot block on a full pipe. Stdout is kept as bytes: some commands write binary.
            var output = ReadAllAsync(process.StandardOutput.BaseStream);
            var error = process.StandardError.ReadToEndAsync();
            await WriteAndCloseAsync(process.StandardInput, standardInput);
            using var timeout = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                throw new TimeoutException(
                    $"`MlaFlow.Silo {string.Join(' ', arguments)}` did not exit within {Timeout.TotalSeconds:0} s.\n--- stdout ---\n{Encoding.UTF8.GetString(await output)}\n--- stderr ---\n{await error}");
            }

            var outputBytes = await output;
            return new CommandResult(process.ExitCode, Encoding.UTF8.GetString(outputBytes), await error) { StandardOutputBytes = outputBytes };
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static async Task WriteAndCloseAsync(StreamWriter input, byte[] bytes)
    {
        try
        {
            await input.BaseStream.WriteAsync(bytes);
            input.Close();
        }
        catch (IOException)
        {
            // The command exited without reading its input (e.g. it refused its arguments first); its exit code says why.
        }
    }

    /// <summary>A bearer token from <c>token --authority … --role …</c>, signed with the key in the store's data folder.</summary>
    public static async Task<string> TokenAsync(NodeStore store, string authority, string role)
    {
        var result = await RunAsync(store.Environment, "token", "--authority", authority, "--role", role);
        result.ExitCode.ShouldBe(0, result.ToString());
        return result.StandardOutput.Trim();
    }
}
