using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace MlaFlow.Messaging.Keys;

/// <summary>X25519 key pairs from BouncyCastle (the BCL has no Curve25519 on every platform).</summary>
internal sealed class X25519Algorithm() : KeyAlgorithm("X25519", KeyUse.Encryption, KeyLength, KeyLength)
{
    private const int KeyLength = 32;

    internal override void Generate(Span<byte> privateKey, Span<byte> publicKey)
    {
        var generator = new X25519KeyPairGenerator();
        generator.Init(new X25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var buffer = new byte[KeyLength];
        try
        {
            ((X25519PrivateKeyParameters)pair.Private).Encode(buffer, 0);
            buffer.CopyTo(privateKey);
            ((X25519PublicKeyParameters)pair.Public).Encode(buffer, 0);
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
            new X25519PrivateKeyParameters(buffer, 0).GeneratePublicKey().Encode(buffer, 0);
            buffer.CopyTo(publicKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }
}
