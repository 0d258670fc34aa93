using System.Runtime.Loader;
using MlaFlow.Plugins.Sdk.Extensions;

namespace MlaFlow.Plugins.Host.Code;

/// <summary>
/// What a plugin's assembly provides — its custom steps by handler name, its request validators — and the
/// collectible context it was loaded in. Disposing unloads that context: the plugin's code is collected once
/// nothing refers to its steps or validators any more.
/// </summary>
public sealed class PluginCode : IDisposable
{
    private AssemblyLoadContext? _context;

    internal PluginCode(AssemblyLoadContext? context, IReadOnlyDictionary<string, ICustomStep> steps, IReadOnlyList<IRequestValidator> validators) =>
        (_context, Steps, Validators) = (context, steps, validators);

    /// <summary>A plugin without an assembly: no custom steps, no validators.</summary>
    public static PluginCode None { get; } = new(null, new Dictionary<string, ICustomStep>(), []);

    /// <summary>The custom steps, keyed by <see cref="ICustomStep.Name"/>.</summary>
    public IReadOnlyDictionary<string, ICustomStep> Steps { get; }

    public IReadOnlyList<IRequestValidator> Validators { get; }

    /// <summary>Unloads the plugin's assembly; calling it again does nothing.</summary>
    public void Dispose() => Interlocked.Exchange(ref _context, null)?.Unload();
}
