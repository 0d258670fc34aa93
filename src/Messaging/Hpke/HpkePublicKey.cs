namespace MlaFlow.Messaging.Hpke;

/// <summary>
/// A valid public key of one KEM, as <see cref="HpkeCipher.DeserializePublicKey"/> or a key pair gives it:
/// points are on their curve by construction. Equal when KEM and serialization are equal.
/// </summary>
public sealed class HpkePublicKey : IEquatable<HpkePublicKey>
{
    private readonly byte[] _bytes;
    private readonly Lazy<object?> _prepared;

    /// <param name="kem">The KEM.</param>
    /// <param name="bytes">The serialized key, owned from now on.</param>
    /// <param name="prepared">The KEM's own parsed form of the key, made once, which every encapsulation to it reuses.</param>
    internal HpkePublicKey(HpkeKem kem, byte[] bytes, object? prepared = null)
        : this(kem, bytes, new Lazy<object?>(prepared))
    {
    }

    /// <param name="kem">The KEM.</param>
    /// <param name="bytes">The serialized key, owned from now on.</param>
    /// <param name="prepared">Makes the KEM's parsed form when first needed: an ephemeral key's never is.</param>
    internal HpkePublicKey(HpkeKem kem, byte[] bytes, Lazy<object?> prepared)
    {
        Kem = kem;
        _bytes = bytes;
        _prepared = prepared;
    }

    /// <summary>The KEM this key belongs to.</summary>
    public HpkeKem Kem { get; }

    internal ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The KEM's parsed form of the key, if it keeps one.</summary>
    internal object? Prepared => _prepared.Value;

    /// <summary>
    /// SerializePublicKey (RFC 9180 §7.1.1): 32 bytes for X25519, an uncompressed point for the NIST curves, the encapsulation
    /// key for ML-KEM-768 (1,184 bytes) and MLKEM768-X25519 (1,216). A fresh copy.
    /// </summary>
    public byte[] Serialize() => (byte[])_bytes.Clone();

    /// <inheritdoc />
    public bool Equals(HpkePublicKey? other) =>
        other is not null && Kem == other.Kem && _bytes.AsSpan().SequenceEqual(other._bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as HpkePublicKey);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kem);
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    /// <summary>The KEM and the key in lower-case hex.</summary>
    public override string ToString() => $"{Kem} {Convert.ToHexStringLower(_bytes)}";
}
