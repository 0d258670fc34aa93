using System.Reflection;
using System.Runtime.Loader;
using MlaFlow.Plugins.Sdk.Extensions;

namespace MlaFlow.Plugins.Host.Code;

/// <summary>
/// The collectible load context a plugin's assembly runs in. It sees the MlaFlow SDK (the one assembly it shares
/// with the node, so <see cref="ICustomStep"/> is the same type on both sides), the .NET runtime, and the
/// assemblies in its own folder; nothing else of the node. A plugin cannot reach the grains, the storage or the
/// keys, and a dependency it ships (say its own JSON library) cannot clash with the node's.
/// </summary>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    private static readonly Assembly Sdk = typeof(ICustomStep).Assembly;

    // The shared framework's own folder: every assembly of Microsoft.NETCore.App is there, and nothing of the node's.
    private static readonly HashSet<string> Framework = Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll")
        .Select(Path.GetFileNameWithoutExtension).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);

    private readonly AssemblyDependencyResolver _resolver;
    private readonly string _folder;

    public PluginLoadContext(string pluginId, string assemblyPath)
        : base($"plugin:{pluginId}", isCollectible: true)
    {
        _resolver = new AssemblyDependencyResolver(assemblyPath);
        _folder = Path.GetDirectoryName(assemblyPath)! + Path.DirectorySeparatorChar;
    }

    /// <summary>Whether <paramref name="name"/> is an assembly plugin code may use: the SDK, the runtime's, or one in the plugin's folder.</summary>
    public bool MayLoad(AssemblyName name) => IsSdk(name) || Framework.Contains(name.Name ?? "") || Local(name) is not null;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (IsSdk(assemblyName))
        {
            return Sdk;
        }

        if (Local(assemblyName) is { } path)
        {
            return LoadFromAssemblyPath(path);
        }

        // Null hands the name to the default context, which is where the shared framework lives.
        return Framework.Contains(assemblyName.Name ?? "") ? null
            : throw new FileNotFoundException(
                $"Plugin code may use the MlaFlow SDK, .NET itself and assemblies in its own folder; '{assemblyName.Name}' is none of these.");
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path && path.StartsWith(_folder, StringComparison.Ordinal)
            ? LoadUnmanagedDllFromPath(path)
            : IntPtr.Zero;

    private static bool IsSdk(AssemblyName name) => string.Equals(name.Name, Sdk.GetName().Name, StringComparison.Ordinal);

    private string? Local(AssemblyName name) =>
        _resolver.ResolveAssemblyToPath(name) is { } path && path.StartsWith(_folder, StringComparison.Ordinal) && File.Exists(path) ? path : null;
}
