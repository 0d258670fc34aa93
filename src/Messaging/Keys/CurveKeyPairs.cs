using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;

namespace MlaFlow.Messaging.Keys;

/// <summary>
/// Raw key pairs of Curve25519's two uses (X25519, Ed25519) through BouncyCastle, which encodes keys into arrays of
/// its own making: every such array is zeroed as soon as the key is copied out of it.
/// </summary>
internal static class CurveKeyPairs
{
    /// <summary>A new random pair, encoded by <paramref name="encode"/> (which writes a key parameter into a 32-byte array).</summary>
    public static void Generate(
        IAsymmetricCipherKeyPairGenerator generator, Func<SecureRandom, KeyGenerationParameters> parameters, Action<AsymmetricKeyParameter, byte[]> encode,
        Span<byte> privateKey, Span<byte> publicKey)
    {
        generator.Init(parameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var buffer = new byte[privateKey.Length];
        try
        {
            encode(pair.Private, buffer);
            buffer.CopyTo(privateKey);
            encode(pair.Public, buffer);
            buffer.CopyTo(publicKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    /// <summary>The public key of <paramref name="privateKey"/>: <paramref name="derive"/> replaces the private key in the array by its public key.</summary>
    public static void DerivePublicKey(ReadOnlySpan<byte> privateKey, Span<byte> publicKey, Action<byte[]> derive)
    {
        var buffer = privateKey.ToArray();
        try
        {
            derive(buffer);
            buffer.CopyTo(publicKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }
}
