using Microsoft.Extensions.Options;
using MlaFlow.Silo.Commands;
using MlaFlow.Silo.Hosting;

// `token`, `audit` …: one-shot commands against this node's configuration; anything else runs the node.
if (SiloCommands.Handles(args))
{
    return await SiloCommands.RunAsync(args, TimeProvider.System);
}

WebApplication app;
try
{
    app = SiloApp.Build(args);
}
catch (Exception e) when (e is InvalidOperationException or OptionsValidationException)
{
    // A bad setting: say which, and stop before anything runs half-configured.
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

try
{
    await app.StartAsync();
}
catch (Exception e) when (e is not OperationCanceledException)
{
    // The database unreachable, a port taken: the node cannot run, and says why in one line (the log has the rest).
    Console.Error.WriteLine($"error: the node did not start: {e.Message}");
    await app.DisposeAsync();
    return 1;
}

await app.WaitForShutdownAsync();
await app.DisposeAsync();
return 0;

/// <summary>The entry point, visible to functional tests that boot the real node.</summary>
public partial class Program;
