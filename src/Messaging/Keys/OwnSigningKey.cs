namespace MlaFlow.Messaging.Keys;

/// <summary>
/// An authority's current signing key, as handed out by <see cref="KeyStore.CurrentSigningKey"/>. Signing
/// asks the store again each time, so a key rotated or revoked since it was handed out signs nothing more.
/// </summary>
public sealed class OwnSigningKey
{
    private readonly KeyStore _store;

    internal OwnSigningKey(KeyStore store, AuthorityKey key) => (_store, Key) = (store, key);

    /// <summary>The public half: id, algorithm, status when handed out.</summary>
    public AuthorityKey Key { get; }

    public KeyId Id => Key.Id;

    public SignatureAlgorithm Algorithm => (SignatureAlgorithm)Key.PublicKey.Algorithm;

    /// <summary>
    /// Signs <paramref name="message"/>: Ed25519 (64 bytes), or ECDSA P-256 / SHA-256 as r ‖ s (64 bytes).
    /// </summary>
    /// <exception cref="KeyRefusedException">The key was retired or revoked since it was handed out.</exception>
    /// <exception cref="KeyStoreException">The store was opened without its passphrase or key-encryption key, or the sealed key does not open.</exception>
    public byte[] Sign(ReadOnlySpan<byte> message) => _store.Sign(Key.Authority, Key.Id, message);

    public override string ToString() => $"{Key.Authority} signing key {Id} ({Algorithm.Name})";
}
