using MlaFlow.Plugins.Host.Loading;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Plugins.Host;

/// <summary>
/// The plugins a node loaded from its plugins folder, one per country, and those it refused with their
/// problems. A refused plugin does not stop the others. Disposing it unloads the plugins' assemblies.
/// </summary>
public sealed class PluginCatalog : IDisposable
{
    private readonly Dictionary<CountryCode, CountryPlugin> _byCountry;

    private PluginCatalog(IReadOnlyList<CountryPlugin> plugins, IReadOnlyList<PluginLoadResult> refused)
    {
        Plugins = plugins;
        Refused = refused;
        _byCountry = plugins.ToDictionary(p => p.Manifest.Country);
    }

    public IReadOnlyList<CountryPlugin> Plugins { get; }

    public IReadOnlyList<PluginLoadResult> Refused { get; }

    public CountryPlugin? For(CountryCode country) => _byCountry.GetValueOrDefault(country);

    /// <summary>Loads every subfolder of <paramref name="root"/> that holds a plugin.json; a missing root gives an empty catalog.</summary>
    public static PluginCatalog Load(string root)
    {
        var loaded = new List<CountryPlugin>();
        var refused = new List<PluginLoadResult>();
        IEnumerable<string> folders = Directory.Exists(root)
            ? Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, PluginLoader.ManifestFile))).Order(StringComparer.Ordinal)
            : [];
        foreach (var folder in folders)
        {
            var result = PluginLoader.Load(folder);
            if (result.Plugin is not { } plugin)
            {
                refused.Add(result);
            }
            else if (loaded.Any(p => p.Manifest.Country == plugin.Manifest.Country || p.Manifest.Id == plugin.Manifest.Id))
            {
                plugin.Code.Dispose();
                refused.Add(result with
                {
                    Plugin = null,
                    Problems = [new(Path.GetFileName(folder) + "/" + PluginLoader.ManifestFile, 1, "$.country",
                        $"Another plugin already serves {plugin.Manifest.Country} or has the id '{plugin.Manifest.Id}'; one plugin per country.")],
                });
            }
            else
            {
                loaded.Add(plugin);
            }
        }

        return new PluginCatalog(loaded, refused);
    }

    public void Dispose()
    {
        foreach (var plugin in Plugins)
        {
            plugin.Code.Dispose();
        }
    }
}
