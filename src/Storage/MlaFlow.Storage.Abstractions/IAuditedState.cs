namespace MlaFlow.Storage;

/// <summary>What the storage provider reads and sets of an <see cref="Audited{TValue}"/>, whatever its value type.</summary>
public interface IAuditedState
{
    object? Value { get; set; }

    /// <summary>The type <see cref="Value"/> is stored and read as.</summary>
    Type ValueType { get; }

    IReadOnlyList<AuditEntry>? Pending { get; }
}
