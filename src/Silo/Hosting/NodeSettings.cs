using MlaFlow.Plugins.Sdk;
using MlaFlow.Storage;

namespace MlaFlow.Silo.Hosting;

/// <summary>
/// What a node is, read from configuration (<c>MlaFlow:*</c>, or <c>MlaFlow__*</c> in the environment) through
/// <see cref="NodeOptions"/> and <see cref="StorageOptions"/> and their validators: a bad value stops the node with a
/// message naming the key. Paths here are absolute.
/// </summary>
public sealed record NodeSettings(string DataPath, IReadOnlySet<AuthorityId> Authorities, StorageOptions Storage, string PluginsPath)
{
    /// <summary>The embedded default serves a demo pair: China's Ministry of Justice and Thailand's Office of the Attorney General.</summary>
    public static readonly IReadOnlyList<string> DefaultAuthorities = ["CN-MOJ", "TH-OAG"];

    /// <exception cref="InvalidOperationException">A value is missing or malformed; the message names each.</exception>
    public static NodeSettings From(IConfiguration configuration)
    {
        var node = SettingsSection.Read(configuration, NodeOptions.Section, new NodeOptionsValidator());
        var storage = SettingsSection.Read(configuration, StorageOptions.Section, new StorageOptionsValidator());
        var dataPath = Path.GetFullPath(node.DataPath is { Length: > 0 } path ? path : "./data");
        storage.DataPath = dataPath;
        var authorities = (node.Authorities is { Length: > 0 } configured ? configured : DefaultAuthorities).Select(a => AuthorityId.Parse(a)).ToHashSet();
        var plugins = Path.GetFullPath(node.Plugins.Path is { Length: > 0 } pluginsPath ? pluginsPath : Path.Combine(AppContext.BaseDirectory, "plugins"));
        return new NodeSettings(dataPath, authorities, storage, plugins);
    }

    /// <summary>The node's database, for commands that read it without running the node.</summary>
    public Database OpenDatabase() => DatabaseFactory.Create(Storage);
}
