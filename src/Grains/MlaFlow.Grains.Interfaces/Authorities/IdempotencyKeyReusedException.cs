using Orleans;

namespace MlaFlow.Grains.Authorities;

/// <summary>An Idempotency-Key was sent again with a different request body; nothing was created.</summary>
[GenerateSerializer]
public sealed class IdempotencyKeyReusedException : Exception
{
    public IdempotencyKeyReusedException(string key, string existingRequestId)
        : base($"Idempotency-Key '{key}' was already used for request {existingRequestId} with a different body.") => ExistingRequestId = existingRequestId;

    [Id(0)]
    public string ExistingRequestId { get; private set; }
}
