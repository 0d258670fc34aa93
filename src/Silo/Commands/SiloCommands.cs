using System.CommandLine;

namespace MlaFlow.Silo.Commands;

/// <summary>The node's one-shot commands. They read the same configuration as the node, so they act on its data folder.</summary>
public static class SiloCommands
{
    private static RootCommand Root() => new("MlaFlow node. Without a command, runs the node.")
    {
        TokenCommand.Create(),
        AuditCommand.Create(),
        PluginCommand.Create(),
        KeysCommand.Create(),
        HpkeCommand.Create(),
    };

    /// <summary>True when <paramref name="args"/> start with a command name rather than node options.</summary>
    public static bool Handles(string[] args) =>
        args.Length > 0 && Root().Subcommands.Any(c => c.Name == args[0]);

    public static Task<int> RunAsync(string[] args) => Root().Parse(args).InvokeAsync();
}
