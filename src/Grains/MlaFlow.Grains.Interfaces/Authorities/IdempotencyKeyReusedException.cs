namespace MlaFlow.Grains.Authorities;

/// <summary>An Idempotency-Key was sent again with a different request body; nothing was created.</summary>
public sealed class IdempotencyKeyReusedException(string key, string existingRequestId)
    : Exception($"Idempotency-Key '{key}' was already used for request {existingRequestId} with a different body.")
{
    public string ExistingRequestId { get; } = existingRequestId;
}
