using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace MlaFlow.Messaging.Hpke.Primitives;

/// <summary>X25519 (RFC 7748) from libsodium (through Geralt), as DHKEM(X25519, HKDF-SHA256) and X-Wing use it.</summary>
internal sealed class X25519Group : DhGroup
{
    private const int Size = 32;

    public static X25519Group Instance { get; } = new();

    private X25519Group()
    {
    }

    public override string Name => "X25519";

    public override int PrivateKeySize => Size;

    public override int PublicKeySize => Size;

    public override int DhSize => Size;

    // libsodium takes the raw keys: there is no object to keep.
    public override (byte[] PrivateKey, byte[] PublicKey, IDisposable? Prepared) GenerateKeyPair()
    {
        var key = RandomNumberGenerator.GetBytes(Size);
        Clamp(key);
        return (key, PublicKeyOf(key), null);
    }

    public override byte[] DerivePrivateKey(LabeledHkdf kemKdf, ReadOnlySpan<byte> ikm)
    {
        // RFC 9180 §7.1.3: for X25519 any 32 bytes are a private key, so there is no rejection loop.
        var prk = kemKdf.LabeledExtract([], "dkp_prk"u8, ikm);
        try
        {
            var key = kemKdf.LabeledExpand(prk, "sk"u8, [], Size);
            Clamp(key);
            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(prk);
        }
    }

    public override string? PrivateKeyProblem(ReadOnlySpan<byte> privateKey) =>
        privateKey.Length == Size ? null : $"an X25519 private key is {Size} bytes, not {privateKey.Length}";

    public override byte[] NormalizePrivateKey(ReadOnlySpan<byte> privateKey)
    {
        var key = privateKey.ToArray();
        Clamp(key);
        return key;
    }

    // Every 32-byte string is a u-coordinate (RFC 7748 §5); a small-order one shows up when DH refuses it.
    public override bool TryPreparePublic(ReadOnlySpan<byte> publicKey, out IDisposable? prepared, [NotNullWhen(false)] out string? problem)
    {
        prepared = null;
        problem = publicKey.Length == Size ? null : $"an X25519 public key is {Size} bytes, not {publicKey.Length}";
        return problem is null;
    }

    public override (byte[] PublicKey, IDisposable? Prepared) KeyPairOf(ReadOnlySpan<byte> privateKey) => (PublicKeyOf(privateKey), null);

    /// <summary>The public key of a private key.</summary>
    public byte[] PublicKeyOf(ReadOnlySpan<byte> privateKey)
    {
        var publicKey = new byte[Size];
        Geralt.X25519.ComputePublicKey(publicKey, privateKey);
        return publicKey;
    }

    public override bool TryAgree(ReadOnlySpan<byte> privateKey, object? preparedPrivate, ReadOnlySpan<byte> publicKey, object? preparedPublic, out byte[] sharedSecret) =>
        TryAgree(privateKey, publicKey, out sharedSecret);

    /// <summary>DH(sk, pk); false for a small-order <paramref name="publicKey"/>, whose DH libsodium refuses.</summary>
    public bool TryAgree(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey, out byte[] sharedSecret)
    {
        sharedSecret = new byte[Size];
        try
        {
            // libsodium refuses a small-order point (its list, and any input giving the all-zero output, RFC 9180 §7.1.4).
            Geralt.X25519.ComputeSharedSecret(sharedSecret, privateKey, publicKey);
            return true;
        }
        catch (CryptographicException)
        {
            sharedSecret = [];
            return false;
        }
    }

    // RFC 9180 §7.1.2: serialized X25519 private keys are clamped as decodeScalar25519 (RFC 7748 §5) does.
    private static void Clamp(Span<byte> key)
    {
        key[0] &= 0xF8;
        key[31] &= 0x7F;
        key[31] |= 0x40;
    }
}
