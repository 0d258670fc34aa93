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

    internal override void Generate(Span<byte> privateKey, Span<byte> publicKey) =>
        CurveKeyPairs.Generate(new Ed25519KeyPairGenerator(), random => new Ed25519KeyGenerationParameters(random), Encode, privateKey, publicKey);

    internal override void DerivePublicKey(ReadOnlySpan<byte> privateKey, Span<byte> publicKey) =>
        CurveKeyPairs.DerivePublicKey(privateKey, publicKey, buffer => new Ed25519PrivateKeyParameters(buffer, 0).GeneratePublicKey().Encode(buffer, 0));

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

    private static void Encode(Org.BouncyCastle.Crypto.AsymmetricKeyParameter key, byte[] buffer)
    {
        switch (key)
        {
            case Ed25519PrivateKeyParameters privateKey:
                privateKey.Encode(buffer, 0);
                break;
            case Ed25519PublicKeyParameters publicKey:
                publicKey.Encode(buffer, 0);
                break;
        }
    }
}
