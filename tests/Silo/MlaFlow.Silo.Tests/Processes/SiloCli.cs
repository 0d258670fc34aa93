using System.Diagnostics;

namespace MlaFlow.Silo.Tests.Processes;

/// <summary>
/// Runs the Silo executable to its end: a one-shot command (<c>token</c>, <c>audit verify</c>), or a node
/// that is expected to refuse to start. Bounded: a run that does not end in time is killed and fails.
/// </summary>
internal static class SiloCli
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<CommandResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var process = Process.Start(SiloExecutable.StartInfo(arguments, environment))
            ?? throw new InvalidOperationException($"Could not start {SiloExecutable.Path}.");
        try
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
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
                    $"`MlaFlow.Silo {string.Join(' ', arguments)}` did not exit within {Timeout.TotalSeconds:0} s.\n--- stdout ---\n{await output}\n--- stderr ---\n{await error}");
            }

            return new CommandResult(process.ExitCode, await output, await error);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
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
