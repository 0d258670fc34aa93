using System.Buffers.Binary;
using System.Security.Cryptography;

namespace MlaFlow.Messaging.Hpke.Primitives;

/// <summary>
/// HKDF with RFC 9180's labels (§4): every extraction and expansion is bound to the protocol version
/// "HPKE-v1", to a suite id and to a label, so secrets derived for one purpose or suite never equal another's.
/// </summary>
internal sealed class LabeledHkdf
{
    private static ReadOnlySpan<byte> Version => "HPKE-v1"u8;

    private readonly HashAlgorithmName _hash;
    private readonly byte[] _suiteId;

    public LabeledHkdf(HpkeKdf kdf, byte[] suiteId)
    {
        (_hash, Nh) = kdf switch
        {
            HpkeKdf.HkdfSha256 => (HashAlgorithmName.SHA256, 32),
            HpkeKdf.HkdfSha512 => (HashAlgorithmName.SHA512, 64),
            _ => throw new NotSupportedException($"KDF 0x{(ushort)kdf:x4} is not supported."),
        };
        _suiteId = suiteId;
    }

    /// <summary>The hash's output length in bytes: the size of every extracted key.</summary>
    public int Nh { get; }

    /// <summary>The largest length <see cref="LabeledExpand"/> can produce (RFC 5869 §2.3).</summary>
    public int MaxExpandLength => 255 * Nh;

    /// <summary>LabeledExtract(salt, label, ikm) = Extract(salt, "HPKE-v1" || suite_id || label || ikm).</summary>
    public byte[] LabeledExtract(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> label, ReadOnlySpan<byte> ikm)
    {
        var labeledIkm = new byte[Version.Length + _suiteId.Length + label.Length + ikm.Length];
        try
        {
            var rest = labeledIkm.AsSpan();
            Append(ref rest, Version);
            Append(ref rest, _suiteId);
            Append(ref rest, label);
            Append(ref rest, ikm);
            var prk = new byte[Nh];
            HKDF.Extract(_hash, labeledIkm, salt, prk);
            return prk;
        }
        finally
        {
            // The ikm is a secret (a DH output, a PSK, key material): its copy goes as soon as it is used.
            CryptographicOperations.ZeroMemory(labeledIkm);
        }
    }

    /// <summary>LabeledExpand(prk, label, info, L) = Expand(prk, I2OSP(L, 2) || "HPKE-v1" || suite_id || label || info, L).</summary>
    public byte[] LabeledExpand(ReadOnlySpan<byte> prk, ReadOnlySpan<byte> label, ReadOnlySpan<byte> info, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxExpandLength);
        if (length == 0)
        {
            // The export-only AEAD has no key and no nonce (Nk = Nn = 0); HKDF would refuse an empty output.
            return [];
        }

        var labeledInfo = new byte[2 + Version.Length + _suiteId.Length + label.Length + info.Length];
        var rest = labeledInfo.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(rest, (ushort)length);
        rest = rest[2..];
        Append(ref rest, Version);
        Append(ref rest, _suiteId);
        Append(ref rest, label);
        Append(ref rest, info);
        var okm = new byte[length];
        HKDF.Expand(_hash, prk, okm, labeledInfo);
        return okm;
    }

    private static void Append(ref Span<byte> destination, ReadOnlySpan<byte> part)
    {
        part.CopyTo(destination);
        destination = destination[part.Length..];
    }
}
