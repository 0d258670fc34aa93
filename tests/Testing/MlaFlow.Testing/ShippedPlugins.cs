using MlaFlow.Plugins.Host;

namespace MlaFlow.Testing;

/// <summary>The country plugins of the checkout (<c>src/Plugins/Countries</c>), loaded once for all tests.</summary>
public static class ShippedPlugins
{
    private static readonly Lazy<PluginCatalog> Loaded = new(() => PluginCatalog.Load(Path.Combine(RepositoryRoot.Path, "src", "Plugins", "Countries")));

    public static PluginCatalog Catalog => Loaded.Value;
}
