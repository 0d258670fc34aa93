using System.Diagnostics.CodeAnalysis;

namespace MlaFlow.Messaging.Hpke.Primitives;

/// <summary>
/// The Diffie-Hellman group under a DHKEM (RFC 9180 §4.1): key sizes, key generation and derivation, key
/// checks, and the DH function itself. Keys cross this boundary in their RFC serialization (§7.1.1, §7.1.2), with the
/// group's own object for a key where the group keeps one (the BCL's key objects for the NIST curves), made once per key.
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

    /// <summary>A new random key pair, serialized, with the group's object for the private key (see <see cref="KeyPairOf"/>).</summary>
    public abstract (byte[] PrivateKey, byte[] PublicKey, IDisposable? Prepared) GenerateKeyPair();

    /// <summary>The private key DeriveKeyPair(ikm) yields (RFC 9180 §7.1.3), serialized; <paramref name="kemKdf"/> is the KEM's labeled KDF.</summary>
    public abstract byte[] DerivePrivateKey(LabeledHkdf kemKdf, ReadOnlySpan<byte> ikm);

    /// <summary>Why <paramref name="privateKey"/> is not a serialized private key of this group, or null when it is.</summary>
    public abstract string? PrivateKeyProblem(ReadOnlySpan<byte> privateKey);

    /// <summary>The private key as this group keeps it (X25519 clamps, §7.1.2); call after <see cref="PrivateKeyProblem"/> said null.</summary>
    public virtual byte[] NormalizePrivateKey(ReadOnlySpan<byte> privateKey) => privateKey.ToArray();

    /// <summary>
    /// Checks a serialized public key and, when it is one, makes the group's object for it (null when the group keeps
    /// none): one step, so that a key is checked and imported once.
    /// </summary>
    /// <param name="publicKey">The serialized key.</param>
    /// <param name="prepared">The group's object for the key; the caller owns it.</param>
    /// <param name="problem">Why the key is not one of this group, when false is returned.</param>
    public abstract bool TryPreparePublic(ReadOnlySpan<byte> publicKey, out IDisposable? prepared, [NotNullWhen(false)] out string? problem);

    /// <summary>
    /// The serialized public key of a valid private key, and the group's object for the private key (null when the group
    /// keeps none), made once and kept by its key pair.
    /// </summary>
    public abstract (byte[] PublicKey, IDisposable? Prepared) KeyPairOf(ReadOnlySpan<byte> privateKey);

    /// <summary>
    /// DH(sk, pk) of a valid private key and a valid public key, with the objects <see cref="KeyPairOf"/> and
    /// <see cref="TryPreparePublic"/> made for them. False when the result must not be used: the X25519 all-zero output of
    /// a small-order public key (RFC 9180 §7.1.4).
    /// </summary>
    public abstract bool TryAgree(ReadOnlySpan<byte> privateKey, object? preparedPrivate, ReadOnlySpan<byte> publicKey, object? preparedPublic, out byte[] sharedSecret);
}
