using MlaFlow.Silo.Commands;
using MlaFlow.Silo.Hosting;

// `token`, `audit` …: one-shot commands against this node's configuration; anything else runs the node.
if (SiloCommands.Handles(args))
{
    return await SiloCommands.RunAsync(args);
}

var app = SiloApp.Build(args);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to functional tests that boot the real node.</summary>
public partial class Program;
