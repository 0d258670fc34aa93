using Orleans.Core;
using Orleans.Runtime;
using Orleans.Storage;

namespace MlaFlow.Storage.Tests.State;

/// <summary>One grain's state held as Orleans holds it for an activation, read and written through a grain storage provider.</summary>
internal sealed class StoredGrain<TState>(IGrainStorage storage, GrainId grain, GrainState<TState> state) : IStorage<TState>
    where TState : class
{
    private const string StateName = "test";

    public TState State
    {
        get => state.State!;
        set => state.State = value;
    }

    public string? Etag => state.ETag;

    public bool RecordExists => state.RecordExists;

    public GrainState<TState> GrainState => state;

    public Task ClearStateAsync() => storage.ClearStateAsync(StateName, grain, state);

    public Task WriteStateAsync() => storage.WriteStateAsync(StateName, grain, state);

    public Task ReadStateAsync() => storage.ReadStateAsync(StateName, grain, state);
}
