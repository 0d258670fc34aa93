using NodaTime;

namespace MlaFlow.Storage;

/// <summary>
/// The queryable columns of a state row. <paramref name="Owner"/> is the authority the record belongs to;
/// <paramref name="ExternalKey"/> is unique per grain type and owner (e.g. a client's Idempotency-Key).
/// </summary>
public sealed record StateColumns(
    string Owner,
    string? Kind = null,
    string? Status = null,
    string? RequestingState = null,
    string? RequestedState = null,
    Instant? Deadline = null,
    string? ExternalKey = null);
