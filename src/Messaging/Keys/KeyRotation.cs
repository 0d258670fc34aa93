namespace MlaFlow.Messaging.Keys;

/// <summary>What <see cref="KeyStore.Rotate"/> did: the new active keys, and the keys they replaced (now retired).</summary>
public sealed record KeyRotation(IReadOnlyList<AuthorityKey> Added, IReadOnlyList<AuthorityKey> Retired);
