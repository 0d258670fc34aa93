using MlaFlow.Runtime.Auditing;
using MlaFlow.Runtime.State;
using MlaFlow.Runtime.Storage;

namespace MlaFlow.Runtime.Grains;

/// <summary>A grain's copy of its stored state and the ETag it was read with.</summary>
internal sealed class PersistentState<TState>(GrainId grain, GrainStateStore store) : IPersistentState<TState>, IRefreshableState
    where TState : class
{
    public TState? State { get; private set; }

    public string? ETag { get; private set; }

    public bool RecordExists => ETag is not null;

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var stored = await store.ReadAsync<TState>(grain, cancellationToken);
        (State, ETag) = (stored?.State, stored?.ETag);
    }

    public async Task RefreshIfChangedAsync(CancellationToken cancellationToken)
    {
        if (await store.ReadETagAsync(grain, cancellationToken) != ETag)
        {
            await ReadStateAsync(cancellationToken);
        }
    }

    public async Task WriteStateAsync(TState state, AuditEntry audit, CancellationToken cancellationToken = default)
    {
        ETag = await store.WriteAsync(grain, state, ETag, audit, cancellationToken);
        State = state;
    }

    public async Task ClearStateAsync(AuditEntry audit, CancellationToken cancellationToken = default)
    {
        if (ETag is not null)
        {
            await store.ClearAsync(grain, ETag, audit, cancellationToken);
        }

        (State, ETag) = (null, null);
    }
}
