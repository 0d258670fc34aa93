using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;

namespace MlaFlow.Messaging.Keys;

/// <summary>X25519 key pairs from BouncyCastle (the BCL has no Curve25519 on every platform).</summary>
internal sealed class X25519Algorithm() : KeyAlgorithm("X25519", KeyUse.Encryption, KeyLength, KeyLength)
{
    private const int KeyLength = 32;

    internal override void Generate(Span<byte> privateKey, Span<byte> publicKey) =>
        CurveKeyPairs.Generate(new X25519KeyPairGenerator(), random => new X25519KeyGenerationParameters(random), Encode, privateKey, publicKey);

    internal override void DerivePublicKey(ReadOnlySpan<byte> privateKey, Span<byte> publicKey) =>
        CurveKeyPairs.DerivePublicKey(privateKey, publicKey, buffer => new X25519PrivateKeyParameters(buffer, 0).GeneratePublicKey().Encode(buffer, 0));

    private static void Encode(Org.BouncyCastle.Crypto.AsymmetricKeyParameter key, byte[] buffer)
    {
        switch (key)
        {
            case X25519PrivateKeyParameters privateKey:
                privateKey.Encode(buffer, 0);
                break;
            case X25519PublicKeyParameters publicKey:
                publicKey.Encode(buffer, 0);
                break;
        }
    }
}
