namespace MlaFlow.Runtime.Grains;

/// <summary>Hands out references to grains. A reference is cheap; the grain is activated on its first call.</summary>
public interface IGrainFactory
{
    /// <summary>A reference to the grain of interface <typeparamref name="TGrain"/> with key <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException">The key is empty or the interface has no registered implementation.</exception>
    TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey;
}
