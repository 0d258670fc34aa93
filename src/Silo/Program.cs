using MlaFlow.Silo.Commands;
using MlaFlow.Silo.Hosting;

// `token`, `audit` …: one-shot commands against this node's configuration; anything else runs the node.
if (SiloCommands.Handles(args))
{
    return await SiloCommands.RunAsync(args);
}

WebApplication app;
try
{
    app = SiloApp.Build(args);
}
catch (InvalidOperationException e)
{
    // A bad setting: say which, and stop before anything runs half-configured.
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to functional tests that boot the real node.</summary>
public partial class Program;
