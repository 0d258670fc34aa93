namespace MlaFlow.Messaging.Hpke;

/// <summary>
/// A valid public key of one KEM, as <see cref="HpkeCipher.DeserializePublicKey"/> or a key pair gives it:
/// points are on their curve by construction. Equal when KEM and serialization are equal.
/// </summary>
/// <remarks>
/// It may hold the KEM's own parsed form of the key, made once, which every encapsulation to it reuses: for the NIST curves
/// a BCL key object, whose native key disposing releases. The serialization stays readable after that; only a DH with the key
/// is refused. A key pair's public key is the pair's, disposed with it.
/// </remarks>
public sealed class HpkePublicKey : IEquatable<HpkePublicKey>, IDisposable
{
    private readonly byte[] _bytes;
    private readonly Lazy<object?> _prepared;
    private bool _disposed;

    /// <param name="kem">The KEM.</param>
    /// <param name="bytes">The serialized key, owned from now on.</param>
    /// <param name="prepared">The KEM's own parsed form of the key, owned from now on.</param>
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
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    internal object? Prepared
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _prepared.Value;
        }
    }

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

    /// <summary>Releases the KEM's parsed form of the key, if one was made.</summary>
    public void Dispose()
    {
        _disposed = true;
        if (_prepared.IsValueCreated)
        {
            (_prepared.Value as IDisposable)?.Dispose();
        }
    }

    /// <summary>The KEM and the key in lower-case hex.</summary>
    public override string ToString() => $"{Kem} {Convert.ToHexStringLower(_bytes)}";
}
