using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace MlaFlow.Messaging.Hpke.Primitives;

/// <summary>
/// ECDH on a NIST prime curve from the BCL (OpenSSL on Linux), through <see cref="EcdhKeyObjects"/>. Public keys are uncompressed points
/// (0x04 || X || Y), private keys big-endian scalars of the curve's order length (RFC 9180 §7.1.1, §7.1.2).
/// </summary>
internal sealed class NistCurveGroup : DhGroup
{
    /// <summary>P-256 (secp256r1); its order from SEC 2 §2.4.2.</summary>
    public static NistCurveGroup P256 { get; } = new(
        "P-256", ECCurve.NamedCurves.nistP256, bitmask: 0xFF,
        "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");

    /// <summary>P-521 (secp521r1); its order from SEC 2 §2.6.1. The top byte holds one bit, hence the bitmask 0x01 (RFC 9180 §7.1.3).</summary>
    public static NistCurveGroup P521 { get; } = new(
        "P-521", ECCurve.NamedCurves.nistP521, bitmask: 0x01,
        "01FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFA51868783BF2F966B7FCC0148F709A5D03BB5C9B8899C47AEBB6FB71E91386409");

    private readonly ECCurve _curve;
    private readonly byte _bitmask;
    private readonly byte[] _order;

    private NistCurveGroup(string name, ECCurve curve, byte bitmask, string orderHex)
    {
        Name = name;
        _curve = curve;
        _bitmask = bitmask;
        _order = Convert.FromHexString(orderHex);
    }

    public override string Name { get; }

    /// <summary>Nsk: the length of the order, which for these curves is also the length of a coordinate.</summary>
    public override int PrivateKeySize => _order.Length;

    public override int PublicKeySize => 1 + 2 * CoordinateSize;

    /// <summary>Ndh: the x-coordinate of the shared point (RFC 9180 §7.1: 32 for P-256, 66 for P-521).</summary>
    public override int DhSize => CoordinateSize;

    /// <summary>The curve's order n, big-endian: private keys lie in [1, n - 1].</summary>
    internal ReadOnlySpan<byte> Order => _order;

    private int CoordinateSize => _order.Length;

    // One key object gives the scalar, the point and the object DH then uses: no import after the generation.
    public override (byte[] PrivateKey, byte[] PublicKey, IDisposable? Prepared) GenerateKeyPair()
    {
        var key = EcdhKeyObjects.Generate(_curve);
        try
        {
            var parameters = key.ExportParameters(includePrivateParameters: true);
            try
            {
                return (CopyLeftPadded(parameters.D!, PrivateKeySize), Serialize(parameters.Q), key);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(parameters.D);
            }
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    public override byte[] DerivePrivateKey(LabeledHkdf kemKdf, ReadOnlySpan<byte> ikm)
    {
        // RFC 9180 §7.1.3: draw candidates until one is a valid scalar; the bitmask trims the top byte to the
        // order's bit length so that, even for P-521, a candidate is rejected with probability below one half.
        var prk = kemKdf.LabeledExtract([], "dkp_prk"u8, ikm);
        try
        {
            for (var counter = 0; counter <= byte.MaxValue; counter++)
            {
                var candidate = kemKdf.LabeledExpand(prk, "candidate"u8, [(byte)counter], PrivateKeySize);
                candidate[0] &= _bitmask;
                if (IsScalar(candidate))
                {
                    return candidate;
                }

                CryptographicOperations.ZeroMemory(candidate);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(prk);
        }

        throw new HpkeException($"DeriveKeyPair found no {Name} private key in 256 candidates (RFC 9180 §7.1.3); use other input keying material.");
    }

    public override string? PrivateKeyProblem(ReadOnlySpan<byte> privateKey) =>
        privateKey.Length != PrivateKeySize ? $"a {Name} private key is {PrivateKeySize} bytes, not {privateKey.Length}"
        : !IsScalar(privateKey) ? $"a {Name} private key must lie between 1 and the curve order minus 1"
        : null;

    public override bool TryPreparePublic(ReadOnlySpan<byte> publicKey, out IDisposable? prepared, [NotNullWhen(false)] out string? problem)
    {
        prepared = null;
        if (publicKey.Length != PublicKeySize || publicKey[0] != 0x04)
        {
            problem = $"a {Name} public key is an uncompressed point of {PublicKeySize} bytes starting with 0x04";
            return false;
        }

        try
        {
            // The import is the check (OpenSSL's EC_KEY_check_key refuses a point off the curve), and its object is kept for DH.
            prepared = EcdhKeyObjects.Import(new ECParameters
            {
                Curve = _curve,
                Q = new ECPoint { X = publicKey.Slice(1, CoordinateSize).ToArray(), Y = publicKey.Slice(1 + CoordinateSize, CoordinateSize).ToArray() },
            });
            problem = null;
            return true;
        }
        catch (CryptographicException)
        {
            problem = $"the {Name} public key is not a point on the curve";
            return false;
        }
    }

    // Imported without its public point, the key gets one computed by the BCL (Q = d·G); the same object then serves DH.
    public override (byte[] PublicKey, IDisposable? Prepared) KeyPairOf(ReadOnlySpan<byte> privateKey)
    {
        var key = SecretCopy.Use(privateKey, d => EcdhKeyObjects.Import(new ECParameters { Curve = _curve, D = d }));
        try
        {
            return (Serialize(key.ExportParameters(includePrivateParameters: false).Q), key);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    public override bool TryAgree(ReadOnlySpan<byte> privateKey, object? preparedPrivate, ReadOnlySpan<byte> publicKey, object? preparedPublic, out byte[] sharedSecret)
    {
        var x = EcdhKeyObjects.DeriveRawSecret((ECDiffieHellman)preparedPrivate!, (ECDiffieHellman)preparedPublic!, CoordinateSize);
        try
        {
            sharedSecret = CopyLeftPadded(x, CoordinateSize);
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(x);
        }
    }

    private bool IsScalar(ReadOnlySpan<byte> candidate) =>
        !ConstantTime.IsZero(candidate) & ConstantTime.IsLessThan(candidate, _order);

    // The uncompressed point 0x04 ‖ X ‖ Y (SEC 1 §2.3.3), each coordinate left-padded to its fixed length.
    private byte[] Serialize(ECPoint point)
    {
        var publicKey = new byte[PublicKeySize];
        publicKey[0] = 0x04;
        point.X!.CopyTo(publicKey, 1 + CoordinateSize - point.X.Length);
        point.Y!.CopyTo(publicKey, 1 + 2 * CoordinateSize - point.Y.Length);
        return publicKey;
    }

    // The BCL may drop leading zero bytes of a big-endian integer; the RFC's encodings have fixed lengths.
    private static byte[] CopyLeftPadded(byte[] value, int length)
    {
        var padded = new byte[length];
        value.CopyTo(padded, length - value.Length);
        return padded;
    }
}
