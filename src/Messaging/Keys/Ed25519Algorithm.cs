using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace MlaFlow.Messaging.Keys;

/// <summary>
/// Ed25519 (RFC 8032, pure, no context) from BouncyCastle. Its key objects keep their own copy of the
/// private key, which cannot be zeroed from outside; ours is zeroed as soon as they have it.
/// </summary>
internal sealed class Ed25519Algorithm() : SignatureAlgorithm("Ed25519", KeyLength, KeyLength, 64)
{
    private const int KeyLength = 32;

    internal override void Generate(Span<byte> privateKey, Span<byte> publicKey)
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var buffer = new byte[KeyLength];
        try
        {
            ((Ed25519PrivateKeyParameters)pair.Private).Encode(buffer, 0);
            buffer.CopyTo(privateKey);
            ((Ed25519PublicKeyParameters)pair.Public).Encode(buffer, 0);
            buffer.CopyTo(publicKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    internal override void DerivePublicKey(ReadOnlySpan<byte> privateKey, Span<byte> publicKey)
    {
        var buffer = privateKey.ToArray();
        try
        {
            new Ed25519PrivateKeyParameters(buffer, 0).GeneratePublicKey().Encode(buffer, 0);
            buffer.CopyTo(publicKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    internal override byte[] Sign(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message)
    {
        var buffer = privateKey.ToArray();
        try
        {
            var signer = new Ed25519Signer();
            signer.Init(forSigning: true, new Ed25519PrivateKeyParameters(buffer, 0));
            var bytes = message.ToArray();
            signer.BlockUpdate(bytes, 0, bytes.Length);
            return signer.GenerateSignature();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    internal override bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != KeyLength || signature.Length != SignatureLength)
        {
            return false;
        }

        var verifier = new Ed25519Signer();
        verifier.Init(forSigning: false, new Ed25519PublicKeyParameters(publicKey.ToArray(), 0));
        var bytes = message.ToArray();
        verifier.BlockUpdate(bytes, 0, bytes.Length);
        return verifier.VerifySignature(signature.ToArray());
    }
}
