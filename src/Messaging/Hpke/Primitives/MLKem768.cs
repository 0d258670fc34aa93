using Org.BouncyCastle.Crypto.Kems;
using Org.BouncyCastle.Crypto.Parameters;

namespace MlaFlow.Messaging.Hpke.Primitives;

/// <summary>
/// ML-KEM-768 (FIPS 203) from BouncyCastle 2.7, as the ML-KEM-768 and X-Wing KEMs use it: decapsulation keys in the
/// 64-byte seed format (d ‖ z), encapsulation keys checked as FIPS 203 §7.2 says. BouncyCastle's key objects keep their
/// own copies of the seed and the expanded key, which cannot be zeroed from outside.
/// </summary>
internal static class MLKem768
{
    public const int SeedSize = 64;
    public const int PublicKeySize = 1184;
    public const int CiphertextSize = 1088;
    public const int SecretSize = 32;

    /// <summary>Bytes of m, the randomness of one encapsulation.</summary>
    public const int RandomnessSize = 32;

    private static MLKemParameters Parameters => MLKemParameters.ml_kem_768;

    /// <summary>ML-KEM.KeyGen_internal(d, z) of a 64-byte seed.</summary>
    public static MLKemPrivateKeyParameters FromSeed(ReadOnlySpan<byte> seed) => SecretCopy.Use(seed, copy => MLKemPrivateKeyParameters.FromSeed(Parameters, copy));

    /// <summary>The encapsulation key, or null with <paramref name="problem"/> when it fails FIPS 203's length or modulus check.</summary>
    public static MLKemPublicKeyParameters? PublicKey(ReadOnlySpan<byte> encoded, out string? problem)
    {
        problem = encoded.Length != PublicKeySize ? $"an ML-KEM-768 encapsulation key is {PublicKeySize} bytes, not {encoded.Length}" : null;
        if (problem is not null)
        {
            return null;
        }

        try
        {
            return MLKemPublicKeyParameters.FromEncoding(Parameters, encoded.ToArray());
        }
        catch (ArgumentException)
        {
            problem = "the ML-KEM-768 encapsulation key fails the modulus check of FIPS 203 §7.2";
            return null;
        }
    }

    /// <summary>ML-KEM.Encaps with <paramref name="m"/> as its randomness (EncapsDerand).</summary>
    public static void Encapsulate(MLKemPublicKeyParameters publicKey, ReadOnlySpan<byte> m, Span<byte> ciphertext, Span<byte> secret)
    {
        var encapsulator = new MLKemEncapsulator(Parameters);
        encapsulator.Init(new ParametersWithRandom(publicKey, FixedRandom.Of(m)));
        encapsulator.Encapsulate(ciphertext, secret);
    }

    /// <summary>ML-KEM.Decaps: a ciphertext altered in transit gives another secret (implicit rejection), never an error.</summary>
    public static void Decapsulate(MLKemPrivateKeyParameters privateKey, ReadOnlySpan<byte> ciphertext, Span<byte> secret)
    {
        var decapsulator = new MLKemDecapsulator(Parameters);
        decapsulator.Init(privateKey);
        decapsulator.Decapsulate(ciphertext, secret);
    }
}
