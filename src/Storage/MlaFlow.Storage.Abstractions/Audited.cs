namespace MlaFlow.Storage;

/// <summary>
/// The persistent state of a grain whose every change is audited: the <see cref="Value"/> as stored and, while a write
/// is under way, the <see cref="Pending"/> audit entries that record it. Orleans' <c>WriteStateAsync()</c> takes no
/// argument, so the entry travels inside the state, and MlaFlow's storage provider writes the value and the entry in
/// one transaction (docs/storage.md). Write through the <c>WriteAsync</c> extensions of <see cref="AuditedStateExtensions"/>.
/// </summary>
/// <typeparam name="TValue">A state type carrying <see cref="StateTypeAttribute"/>.</typeparam>
public sealed class Audited<TValue> : IAuditedState where TValue : class
{
    /// <summary>The state as last read or written; null when no record exists.</summary>
    public TValue? Value { get; set; }

    /// <summary>The audit entries of the write under way, one or more, of one authority; null between writes.</summary>
    public IReadOnlyList<AuditEntry>? Pending { get; set; }

    object? IAuditedState.Value
    {
        get => Value;
        set => Value = (TValue?)value;
    }

    Type IAuditedState.ValueType => typeof(TValue);
}
