using MlaFlow.Runtime.Auditing;

namespace MlaFlow.Runtime.State;

/// <summary>
/// The durable state of one grain, guarded by an ETag: a write or clear made from a stale copy throws
/// <see cref="InconsistentStateException"/> and changes nothing. Every change carries its audit entry,
/// written in the same transaction.
/// </summary>
public interface IPersistentState<TState> where TState : class
{
    /// <summary>The state as last read or written; null when no record exists.</summary>
    TState? State { get; }

    /// <summary>The version of the stored record this copy was read from; null when none exists.</summary>
    string? ETag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync(CancellationToken cancellationToken = default);

    Task WriteStateAsync(TState state, AuditEntry audit, CancellationToken cancellationToken = default);

    Task ClearStateAsync(AuditEntry audit, CancellationToken cancellationToken = default);
}
