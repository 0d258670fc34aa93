using Microsoft.Extensions.Configuration;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Runtime.Storage;

namespace MlaFlow.Silo.Hosting;

/// <summary>
/// What a node is, read from configuration (<c>MlaFlow:*</c>, or <c>MlaFlow__*</c> in the environment)
/// and checked at start: a bad value stops the node with a message naming the key.
/// </summary>
public sealed record NodeSettings(string DataPath, IReadOnlySet<AuthorityId> Authorities, StorageOptions Storage, string PluginsPath)
{
    /// <summary>The embedded default serves a demo pair: China's Ministry of Justice and Thailand's Office of the Attorney General.</summary>
    public static readonly IReadOnlyList<string> DefaultAuthorities = ["CN-MOJ", "TH-OAG"];

    /// <exception cref="InvalidOperationException">A value is missing or malformed.</exception>
    public static NodeSettings From(IConfiguration configuration)
    {
        var dataPath = Path.GetFullPath(configuration["MlaFlow:DataPath"] is { Length: > 0 } path ? path : "./data");
        var configured = configuration.GetSection("MlaFlow:Authorities").Get<string[]>();
        var authorities = new HashSet<AuthorityId>();
        foreach (var value in configured is { Length: > 0 } ? configured : DefaultAuthorities)
        {
            authorities.Add(AuthorityId.TryParse(value, null, out var id) ? id
                : throw new InvalidOperationException($"MlaFlow:Authorities: '{value}' is not an authority id such as CN-MOJ."));
        }

        var storage = new StorageOptions();
        var section = configuration.GetSection(StorageOptions.Section);
        if (section["Provider"] is { } provider && !Enum.TryParse(provider, ignoreCase: true, out StorageProvider _))
        {
            throw new InvalidOperationException($"{StorageOptions.Section}:Provider: '{provider}' is not Sqlite or Postgres.");
        }

        section.Bind(storage);
        var plugins = Path.GetFullPath(configuration["MlaFlow:Plugins:Path"] is { Length: > 0 } pluginsPath ? pluginsPath : Path.Combine(AppContext.BaseDirectory, "plugins"));
        return new NodeSettings(dataPath, authorities, storage, plugins);
    }

    public Database OpenDatabase()
    {
        Directory.CreateDirectory(DataPath);
        return DatabaseFactory.Create(Storage, DataPath);
    }
}
