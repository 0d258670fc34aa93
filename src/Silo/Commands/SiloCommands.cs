using System.CommandLine;

namespace MlaFlow.Silo.Commands;

/// <summary>The node's one-shot commands. They read the same configuration as the node, so they act on its data folder.</summary>
public static class SiloCommands
{
    private static RootCommand Root(TimeProvider time) => new(
        "MlaFlow node. Without a command, runs the node: --urls http://127.0.0.1:5080 sets where it listens, and any setting "
        + "is given as --MlaFlow:Key=value or MlaFlow__Key in the environment (README.md, \"Configuration\").")
    {
        TokenCommand.Create(time),
        AuditCommand.Create(),
        PluginCommand.Create(),
        KeysCommand.Create(time),
        HpkeCommand.Create(),
    };

    /// <summary>
    /// True when <paramref name="args"/> start with a command name, or ask for help or the version, rather than give the
    /// node's options: <c>--help</c> prints help instead of starting a node.
    /// </summary>
    public static bool Handles(string[] args) =>
        args.Length > 0 && (args[0] is "--help" or "-h" or "-?" or "--version" || Root(TimeProvider.System).Subcommands.Any(c => c.Name == args[0]));

    /// <summary>Runs the command <paramref name="args"/> name; <paramref name="time"/> dates tokens and keys and measures waits.</summary>
    public static Task<int> RunAsync(string[] args, TimeProvider time) => Root(time).Parse(args).InvokeAsync();
}
