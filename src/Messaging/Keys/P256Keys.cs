using System.Security.Cryptography;

namespace MlaFlow.Messaging.Keys;

/// <summary>
/// Raw P-256 encodings shared by the ECDH and ECDSA keys: the private key is the 32-byte big-endian scalar,
/// the public key the uncompressed point 0x04 ‖ X ‖ Y (SEC 1 §2.3.3), as RFC 9180 §7.1.1 serializes it.
/// </summary>
internal static class P256Keys
{
    public const int PrivateKeyLength = 32;
    public const int PublicKeyLength = 65;
    private const byte Uncompressed = 0x04;

    public static ECCurve Curve => ECCurve.NamedCurves.nistP256;

    /// <summary>Writes a fresh pair's scalar and point.</summary>
    public static void Generate(Span<byte> privateKey, Span<byte> publicKey)
    {
        using var key = ECDiffieHellman.Create(Curve);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        try
        {
            parameters.D!.CopyTo(privateKey);
            WritePoint(parameters.Q, publicKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(parameters.D);
        }
    }

    /// <summary>The point of <paramref name="privateKey"/>, computed by the platform from the scalar alone.</summary>
    public static void DerivePublicKey(ReadOnlySpan<byte> privateKey, Span<byte> publicKey)
    {
        var parameters = new ECParameters { Curve = Curve, D = privateKey.ToArray() };
        try
        {
            using var key = ECDiffieHellman.Create(parameters);
            WritePoint(key.ExportParameters(includePrivateParameters: false).Q, publicKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(parameters.D);
        }
    }

    /// <summary>Why <paramref name="publicKey"/> is not an uncompressed point on the curve, or null when it is one.</summary>
    public static string? PublicKeyProblem(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != PublicKeyLength || publicKey[0] != Uncompressed)
        {
            return $"a P-256 public key is an uncompressed point of {PublicKeyLength} bytes starting with 04";
        }

        try
        {
            // The platform checks the point is on the curve when it imports it.
            using var key = ECDiffieHellman.Create(PublicParameters(publicKey));
            return null;
        }
        catch (CryptographicException)
        {
            return "the P-256 public key is not a point on the curve";
        }
    }

    /// <summary>Parameters holding only the point of <paramref name="publicKey"/>.</summary>
    public static ECParameters PublicParameters(ReadOnlySpan<byte> publicKey) => new()
    {
        Curve = Curve,
        Q = new ECPoint { X = publicKey.Slice(1, 32).ToArray(), Y = publicKey.Slice(33, 32).ToArray() },
    };

    private static void WritePoint(ECPoint point, Span<byte> publicKey)
    {
        publicKey[0] = Uncompressed;
        point.X.CopyTo(publicKey[1..]);
        point.Y.CopyTo(publicKey[33..]);
    }
}
