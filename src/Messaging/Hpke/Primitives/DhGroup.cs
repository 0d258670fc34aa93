namespace MlaFlow.Messaging.Hpke.Primitives;

/// <summary>
/// The Diffie-Hellman group under a DHKEM (RFC 9180 §4.1): key sizes, key generation and derivation, key
/// checks, and the DH function itself. Keys cross this boundary in their RFC serialization (§7.1.1, §7.1.2).
/// </summary>
internal abstract class DhGroup
{
    /// <summary>The group's name in messages, e.g. "P-256".</summary>
    public abstract string Name { get; }

    /// <summary>Nsk: the length of a serialized private key.</summary>
    public abstract int PrivateKeySize { get; }

    /// <summary>Npk (= Nenc): the length of a serialized public key.</summary>
    public abstract int PublicKeySize { get; }

    /// <summary>Ndh: the length of one DH output.</summary>
    public abstract int DhSize { get; }

    /// <summary>A new random private key, serialized.</summary>
    public abstract byte[] GeneratePrivateKey();

    /// <summary>A new random key pair, serialized, with the group's object for the private key (see <see cref="PreparePrivate"/>).</summary>
    public virtual (byte[] PrivateKey, byte[] PublicKey, IDisposable? Prepared) GenerateKeyPair()
    {
        var privateKey = GeneratePrivateKey();
        return (privateKey, PublicKeyOf(privateKey), PreparePrivate(privateKey));
    }

    /// <summary>The private key DeriveKeyPair(ikm) yields (RFC 9180 §7.1.3), serialized; <paramref name="kemKdf"/> is the KEM's labeled KDF.</summary>
    public abstract byte[] DerivePrivateKey(LabeledHkdf kemKdf, ReadOnlySpan<byte> ikm);

    /// <summary>Why <paramref name="privateKey"/> is not a serialized private key of this group, or null when it is.</summary>
    public abstract string? PrivateKeyProblem(ReadOnlySpan<byte> privateKey);

    /// <summary>The private key as this group keeps it (X25519 clamps, §7.1.2); call after <see cref="PrivateKeyProblem"/> said null.</summary>
    public virtual byte[] NormalizePrivateKey(ReadOnlySpan<byte> privateKey) => privateKey.ToArray();

    /// <summary>Why <paramref name="publicKey"/> is not a serialized public key of this group, or null when it is.</summary>
    public abstract string? PublicKeyProblem(ReadOnlySpan<byte> publicKey);

    /// <summary>The serialized public key of a valid private key.</summary>
    public abstract byte[] PublicKeyOf(ReadOnlySpan<byte> privateKey);

    /// <summary>
    /// DH(sk, pk) of a valid private key and a valid public key. False when the result must not be used:
    /// the X25519 all-zero output of a small-order public key (RFC 9180 §7.1.4).
    /// </summary>
    public abstract bool TryAgree(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey, out byte[] sharedSecret);

    /// <summary>The group's own object for a valid private key, made once and kept by its key pair; null when the group keeps none.</summary>
    public virtual IDisposable? PreparePrivate(ReadOnlySpan<byte> privateKey) => null;

    /// <summary>The group's own object for a valid public key, made once and kept with it; null when the group keeps none.</summary>
    public virtual IDisposable? PreparePublic(ReadOnlySpan<byte> publicKey) => null;

    /// <summary>DH with the objects <see cref="PreparePrivate"/> and <see cref="PreparePublic"/> made, where the group makes them.</summary>
    public virtual bool TryAgree(ReadOnlySpan<byte> privateKey, object? preparedPrivate, ReadOnlySpan<byte> publicKey, object? preparedPublic, out byte[] sharedSecret) =>
        TryAgree(privateKey, publicKey, out sharedSecret);
}
