using System.Reflection;

namespace MlaFlow.Runtime.Grains;

/// <summary>Makes grain references: proxies that turn each interface call into a turn on the grain's activation.</summary>
public sealed class GrainFactory(GrainTypeRegistry registry, IServiceProvider services) : IGrainFactory
{
    // Resolved lazily: the runtime itself needs a grain factory for the contexts it creates.
    private GrainRuntime Runtime => (GrainRuntime)services.GetService(typeof(GrainRuntime))!;

    public TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var registration = registry.ForInterface(typeof(TGrain));
        var proxy = DispatchProxy.Create<TGrain, GrainReference>();
        ((GrainReference)(object)proxy).Bind(new GrainId(registration.TypeName, key), Runtime);
        return proxy;
    }
}
