using MlaFlow.Plugins.Host;

namespace MlaFlow.Testing;

/// <summary>A temporary plugins folder (<see cref="SamplePlugin.CopyWith"/>); disposing it deletes it.</summary>
public sealed class PluginsFolder(string root) : IDisposable
{
    public string Root => root;

    /// <summary>The copy of the sample plugin.</summary>
    public string Sample => Path.Combine(root, "xa");

    /// <summary>Loads the folder as a node does at start.</summary>
    public PluginCatalog Load() => PluginCatalog.Load(root);

    public void Dispose() => Directory.Delete(root, recursive: true);
}
