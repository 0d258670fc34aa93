using System.Security.Cryptography;
using System.Text;
using MlaFlow.Messaging.Hpke;
using MlaFlow.Messaging.Hpke.Primitives;

namespace MlaFlow.Messaging.Keys;

/// <summary>
/// A public key checked for its algorithm (length, and for P-256 a point on the curve), with the
/// <see cref="Fingerprint"/> and <see cref="KeyId"/> computed from it. Two keys are equal when their ids are.
/// </summary>
public sealed class PublicKey : IEquatable<PublicKey>
{
    // Domain separation: a digest of a key can never be mistaken for a digest of anything else MlaFlow hashes.
    private static readonly byte[] Label = Encoding.ASCII.GetBytes("MlaFlow key v1\0");

    private readonly byte[] _bytes;

    private PublicKey(KeyAlgorithm algorithm, byte[] bytes)
    {
        Algorithm = algorithm;
        _bytes = bytes;
        Fingerprint = Fingerprint.Of(Digest(algorithm, bytes));
        Id = KeyId.Of(Fingerprint);
    }

    public KeyAlgorithm Algorithm { get; }

    public KeyUse Use => Algorithm.Use;

    public KeyId Id { get; }

    /// <summary>SHA-256 over a label, the algorithm's name and the raw key: what a person compares.</summary>
    public Fingerprint Fingerprint { get; }

    /// <summary>The raw encoding (32 bytes for X25519 and Ed25519; 65, uncompressed, for P-256).</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The raw encoding in base64, as files and bundles hold it.</summary>
    public string ToBase64() => Convert.ToBase64String(_bytes);

    /// <summary>True only when <paramref name="signature"/> is this signing key's signature of <paramref name="message"/>.</summary>
    /// <exception cref="InvalidOperationException">This is an encryption key.</exception>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        Algorithm is SignatureAlgorithm signing ? signing.Verify(_bytes, message, signature)
        : throw new InvalidOperationException($"Key {Id} is an {Algorithm.Name} encryption key; it verifies no signatures.");

    /// <summary>This encryption key as HPKE takes it; the caller owns it (for P-256 it holds a BCL key object).</summary>
    /// <exception cref="InvalidOperationException">This is a signing key.</exception>
    internal HpkePublicKey ToHpke() =>
        Kem.For(Algorithm.HpkeKem ?? throw new InvalidOperationException($"Key {Id} is an {Algorithm.Name} signing key; HPKE takes encryption keys."))
            .DeserializePublicKey(_bytes, "key");

    /// <exception cref="FormatException"><paramref name="bytes"/> is not a valid public key of <paramref name="algorithm"/>.</exception>
    public static PublicKey Create(KeyAlgorithm algorithm, ReadOnlySpan<byte> bytes) =>
        algorithm.PublicKeyProblem(bytes) is { } problem ? throw new FormatException($"Not a valid {algorithm.Name} public key: {problem}.")
        : new PublicKey(algorithm, bytes.ToArray());

    public bool Equals(PublicKey? other) => other is not null && other.Id == Id;

    public override bool Equals(object? obj) => Equals(obj as PublicKey);

    public override int GetHashCode() => Id.GetHashCode();

    public override string ToString() => $"{Algorithm.Name} {Id}";

    private static byte[] Digest(KeyAlgorithm algorithm, byte[] bytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Label);
        hash.AppendData(Encoding.ASCII.GetBytes(algorithm.Name + "\0"));
        hash.AppendData(bytes);
        return hash.GetHashAndReset();
    }
}
