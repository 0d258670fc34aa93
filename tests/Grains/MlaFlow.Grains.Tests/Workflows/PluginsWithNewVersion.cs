using MlaFlow.Plugins.Host;
using MlaFlow.Testing;

namespace MlaFlow.Grains.Tests.Workflows;

/// <summary>
/// The shipped plugins copied to a temporary folder, with a version 2 of China's requesting evidence
/// procedure in which the first step is renamed <c>drafting</c>: the template version 1 is based on, written out whole
/// with that change. Deleted on dispose.
/// </summary>
internal sealed class PluginsWithNewVersion : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mlaflow-plugins-").FullName;

    public PluginsWithNewVersion()
    {
        var shipped = Path.Combine(RepositoryRoot.Path, "src", "Plugins", "Countries");
        foreach (var file in Directory.GetFiles(shipped, "*.json", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(_root, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var version1 = File.ReadAllText(Path.Combine(_root, "templates", "requesting-evidence.v1.json"));
        var version2 = version1.Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal).Replace("\"draft-review\"", "\"drafting\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_root, "cn", "workflows", "requesting-evidence.v2.json"), version2);
        Catalog = PluginCatalog.Load(_root);
    }

    public PluginCatalog Catalog { get; }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
