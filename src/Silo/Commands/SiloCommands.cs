using System.CommandLine;

namespace MlaFlow.Silo.Commands;

/// <summary>The node's one-shot commands. They read the same configuration as the node, so they act on its data folder.</summary>
public static class SiloCommands
{
    private static RootCommand Root(TimeProvider time) => new("MlaFlow node. Without a command, runs the node.")
    {
        TokenCommand.Create(time),
        AuditCommand.Create(),
        PluginCommand.Create(),
        KeysCommand.Create(time),
        HpkeCommand.Create(),
    };

    /// <summary>True when <paramref name="args"/> start with a command name rather than node options.</summary>
    public static bool Handles(string[] args) =>
        args.Length > 0 && Root(TimeProvider.System).Subcommands.Any(c => c.Name == args[0]);

    /// <summary>Runs the command <paramref name="args"/> name; <paramref name="time"/> dates tokens and keys and measures waits.</summary>
    public static Task<int> RunAsync(string[] args, TimeProvider time) => Root(time).Parse(args).InvokeAsync();
}
