using System.Security.Cryptography;

namespace MlaFlow.Messaging.Hpke;

/// <summary>
/// A private key of one KEM with its public key. Disposing it zeroes the private key; <see cref="ToString"/>
/// never shows it.
/// </summary>
public sealed class HpkeKeyPair : IDisposable
{
    private readonly byte[] _privateKey;
    private bool _disposed;

    /// <param name="kem">The KEM.</param>
    /// <param name="privateKey">The serialized private key, owned from now on.</param>
    /// <param name="publicKey">Its public key.</param>
    /// <param name="prepared">The KEM's own parsed form of the private key, made once (disposed with the pair if disposable).</param>
    internal HpkeKeyPair(HpkeKem kem, byte[] privateKey, HpkePublicKey publicKey, object? prepared = null)
    {
        Kem = kem;
        _privateKey = privateKey;
        PublicKey = publicKey;
        Prepared = prepared;
    }

    /// <summary>The KEM this key pair belongs to.</summary>
    public HpkeKem Kem { get; }

    /// <summary>The public half, safe to share; the pair's own, disposed with it.</summary>
    public HpkePublicKey PublicKey { get; }

    /// <summary>The KEM's parsed form of the private key, if it keeps one.</summary>
    internal object? Prepared { get; }

    internal ReadOnlySpan<byte> PrivateKey
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _privateKey;
        }
    }

    /// <summary>
    /// SerializePrivateKey (RFC 9180 §7.1.2): 32 clamped bytes for X25519, the big-endian scalar for the NIST
    /// curves, the seed for ML-KEM-768 (64 bytes) and MLKEM768-X25519 (32). A fresh copy the caller owns: zero it (<see cref="CryptographicOperations.ZeroMemory"/>) when done.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The key pair was disposed.</exception>
    public byte[] SerializePrivateKey() => PrivateKey.ToArray();

    /// <summary>Zeroes the private key and releases the KEM's objects for both halves.</summary>
    public void Dispose()
    {
        _disposed = true;
        CryptographicOperations.ZeroMemory(_privateKey);
        (Prepared as IDisposable)?.Dispose();
        PublicKey.Dispose();
    }

    /// <summary>The KEM and the public key only.</summary>
    public override string ToString() => $"key pair {PublicKey}";
}
