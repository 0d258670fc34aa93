using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;

namespace MlaFlow.Messaging.Keys;

/// <summary>
/// Ed25519 (RFC 8032, pure, no context) from libsodium (through Geralt), chosen over BouncyCastle and NSec by measurement
/// (bench/README.md). libsodium signs with the 64-byte seed ‖ public key, so the stored public key is passed in rather than
/// derived again for every signature. Public keys are checked by BouncyCastle 2.7's decoder, which refuses non-canonical,
/// off-curve and small-order encodings (with the neutral point as public key, R = neutral, S = 0 would verify anything).
/// </summary>
internal sealed class Ed25519Algorithm() : SignatureAlgorithm("Ed25519", SeedLength, PublicLength, 64)
{
    private const int SeedLength = 32;
    private const int PublicLength = 32;

    internal override void Generate(Span<byte> privateKey, Span<byte> publicKey)
    {
        RandomNumberGenerator.Fill(privateKey);
        DerivePublicKey(privateKey, publicKey);
    }

    internal override void DerivePublicKey(ReadOnlySpan<byte> privateKey, Span<byte> publicKey)
    {
        Span<byte> expanded = stackalloc byte[Geralt.Ed25519.PrivateKeySize];
        try
        {
            Geralt.Ed25519.GenerateKeyPair(publicKey, expanded, privateKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(expanded);
        }
    }

    internal override string? PublicKeyProblem(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != PublicLength)
        {
            return $"an Ed25519 public key is {PublicLength} bytes, not {publicKey.Length}";
        }

        try
        {
            _ = new Ed25519PublicKeyParameters(publicKey);
            return null;
        }
        catch (ArgumentException)
        {
            return "the Ed25519 public key is not a canonical encoding of a point of large order on the curve";
        }
    }

    internal override byte[] Sign(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message)
    {
        Span<byte> secretKey = stackalloc byte[Geralt.Ed25519.PrivateKeySize];
        try
        {
            privateKey.CopyTo(secretKey);
            publicKey.CopyTo(secretKey[SeedLength..]);
            var signature = new byte[SignatureLength];
            Geralt.Ed25519.Sign(signature, message, secretKey);
            return signature;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secretKey);
        }
    }

    // libsodium refuses, as false, a public key or R that is non-canonical, off the curve or of small order, and a
    // non-canonical S, so a key that slipped past the check above still verifies nothing.
    internal override bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        publicKey.Length == PublicLength && signature.Length == SignatureLength && Geralt.Ed25519.Verify(signature, message, publicKey);
}
