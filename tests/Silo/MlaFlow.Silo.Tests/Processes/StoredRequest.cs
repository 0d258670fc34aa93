namespace MlaFlow.Silo.Tests.Processes;

/// <summary>One <c>grain_state</c> row of a request: its id, the Idempotency-Key it was created with, and its JSON.</summary>
public sealed record StoredRequest(string Id, string? IdempotencyKey, string Payload);
