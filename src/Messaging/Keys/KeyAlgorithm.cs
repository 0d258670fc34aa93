using MlaFlow.Messaging.Hpke;

namespace MlaFlow.Messaging.Keys;

/// <summary>
/// One kind of key: its name (part of every key id, so names never change), its use and the sizes of
/// its raw encodings. The six MlaFlow knows are the static members; nothing else can be made.
/// </summary>
public abstract class KeyAlgorithm
{
    private protected KeyAlgorithm(string name, KeyUse use, int privateKeyLength, int publicKeyLength) =>
        (Name, Use, PrivateKeyLength, PublicKeyLength) = (name, use, privateKeyLength, publicKeyLength);

    /// <summary>X25519 (RFC 7748), the default encryption key: 32-byte private and public keys.</summary>
    public static KeyAlgorithm X25519 { get; } = new X25519Algorithm();

    /// <summary>ECDH on NIST P-256 (FIPS 186-5): a 32-byte private scalar, a 65-byte uncompressed public point.</summary>
    public static KeyAlgorithm P256Ecdh { get; } = new P256EcdhAlgorithm();

    /// <summary>Ed25519 (RFC 8032), the default signing key: 32-byte private seed and public key, 64-byte signatures.</summary>
    public static SignatureAlgorithm Ed25519 { get; } = new Ed25519Algorithm();

    /// <summary>ECDSA on NIST P-256 with SHA-256: keys as <see cref="P256Ecdh"/>, 64-byte signatures (r ‖ s, IEEE P1363).</summary>
    public static SignatureAlgorithm EcdsaP256Sha256 { get; } = new EcdsaP256Algorithm();

    /// <summary>MLKEM768-X25519 (X-Wing), the post-quantum encryption key: a 32-byte seed, a 1,216-byte public key.</summary>
    public static KeyAlgorithm XWing { get; } = new XWingAlgorithm();

    /// <summary>ML-DSA-65 (FIPS 204), the post-quantum signing key: a 32-byte seed, a 1,952-byte public key, 3,309-byte signatures.</summary>
    public static SignatureAlgorithm MLDsa65 { get; } = new MLDsa65Algorithm();

    /// <summary>The name in files and output, e.g. <c>X25519</c>, <c>ECDSA-P256-SHA256</c>.</summary>
    public string Name { get; }

    public KeyUse Use { get; }

    /// <summary>Bytes in the raw private key.</summary>
    public int PrivateKeyLength { get; }

    /// <summary>Bytes in the raw public key.</summary>
    public int PublicKeyLength { get; }

    public override string ToString() => Name;

    /// <summary>Fills both spans with a fresh pair from the operating system's random generator.</summary>
    internal abstract void Generate(Span<byte> privateKey, Span<byte> publicKey);

    /// <summary>The public key of <paramref name="privateKey"/>, to check that a stored pair belongs together.</summary>
    internal abstract void DerivePublicKey(ReadOnlySpan<byte> privateKey, Span<byte> publicKey);

    /// <summary>The HPKE KEM an encryption key is used with (RFC 9180 §7.1, draft-ietf-hpke-pq); null for a signing key.</summary>
    internal virtual HpkeKem? HpkeKem => null;

    /// <summary>
    /// Why <paramref name="publicKey"/> is not a valid key of this algorithm (wrong length; for the curves, not a canonical
    /// point of large order on the curve), or null when it is.
    /// </summary>
    internal virtual string? PublicKeyProblem(ReadOnlySpan<byte> publicKey) =>
        publicKey.Length == PublicKeyLength ? null : $"{PublicKeyLength} bytes expected, {publicKey.Length} given";
}
