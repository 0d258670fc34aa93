using System.Reflection;
using MlaFlow.Plugins.Host;
using MlaFlow.Plugins.Host.Loading;

namespace MlaFlow.Testing;

/// <summary>
/// The sample plugin with code (samples/plugins/watch-list): the Example State, XA, whose central authority XA-CA
/// screens incoming evidence requests against a watch list with a custom step. Its build makes the plugin folder.
/// </summary>
public static class SamplePlugin
{
    public const string Authority = "XA-CA";

    /// <summary>The built plugin folder: the assembly beside plugin.json, workflows/, forms/ and watch-list.txt.</summary>
    public static string Folder { get; } = typeof(SamplePlugin).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SamplePluginFolder").Value!;

    /// <summary>
    /// A new plugins folder holding a copy of the sample (as <c>xa</c>) and of the given shipped plugins, with the
    /// templates theirs are based on, so a test may change the copy (break its watch list, say) without touching the
    /// build. Deleted with the returned handle.
    /// </summary>
    public static PluginsFolder CopyWith(params string[] shippedPlugins)
    {
        var root = Directory.CreateTempSubdirectory("mlaflow-plugins-").FullName;
        Folders.CopyTree(Folder, Path.Combine(root, "xa"));
        foreach (var name in shippedPlugins.Append(PluginLoader.TemplatesFolder))
        {
            Folders.CopyTree(RepositoryRoot.Combine("src", "Plugins", "Countries", name), Path.Combine(root, name));
        }

        return new PluginsFolder(root);
    }
}
