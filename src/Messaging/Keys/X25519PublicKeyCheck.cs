using System.Numerics;

namespace MlaFlow.Messaging.Keys;

/// <summary>
/// What an X25519 public key must be before an authority's key is accepted (from a bundle, or when keys load): a
/// canonical u-coordinate (RFC 7748 §5: below 2^255 − 19, top bit clear), of a point on Curve25519 itself rather than its
/// twist, and not of small order. X25519 would compute with any 32 bytes; an honest peer's key is always all of these,
/// and a key of small order would make every shared secret with it predictable.
/// </summary>
/// <remarks>Public keys are public: the big-integer arithmetic here need not run in constant time.</remarks>
internal static class X25519PublicKeyCheck
{
    private const int Length = 32;

    private static readonly BigInteger P = (BigInteger.One << 255) - 19;
    private static readonly BigInteger A = 486662;

    // The u-coordinates of Curve25519's points of small order (orders 2, 4 and 8; the neutral point has none), as in
    // libsodium's and Bernstein's lists. Every other point on the curve has order ℓ or 8ℓ and is accepted.
    private static readonly BigInteger[] SmallOrder =
    [
        BigInteger.Zero,
        BigInteger.One,
        BigInteger.Parse("325606250916557431795983626356110631294008115727848805560023387167927233504", System.Globalization.CultureInfo.InvariantCulture),
        BigInteger.Parse("39382357235489614581723060781553021112529911719440698176882885853963445705823", System.Globalization.CultureInfo.InvariantCulture),
    ];

    /// <summary>Why <paramref name="publicKey"/> is refused, or null when it is a valid X25519 public key.</summary>
    public static string? Problem(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != Length)
        {
            return $"an X25519 public key is {Length} bytes, not {publicKey.Length}";
        }

        if ((publicKey[^1] & 0x80) != 0)
        {
            return "the X25519 public key is not canonical: its top bit is set";
        }

        var u = new BigInteger(publicKey, isUnsigned: true, isBigEndian: false);
        if (u >= P)
        {
            return "the X25519 public key is not canonical: its u-coordinate is not below 2^255 - 19";
        }

        if (SmallOrder.Contains(u))
        {
            return "the X25519 public key is a point of small order";
        }

        // On the curve v² = u³ + A·u² + u exactly when the right side is a square (Euler's criterion); else on the twist.
        var right = ((u * u % P * u) + (A * u % P * u) + u) % P;
        return BigInteger.ModPow(right, (P - 1) / 2, P).IsOne ? null : "the X25519 public key is not a point on Curve25519 (it lies on the twist)";
    }
}
