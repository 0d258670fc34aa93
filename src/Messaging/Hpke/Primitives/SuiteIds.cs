using System.Buffers.Binary;

namespace MlaFlow.Messaging.Hpke.Primitives;

/// <summary>The suite_id strings that separate the KEM's derivations from the rest of HPKE's (RFC 9180 §4.1 and §5.1).</summary>
internal static class SuiteIds
{
    /// <summary>"KEM" || I2OSP(kem_id, 2).</summary>
    public static byte[] Kem(HpkeKem kem)
    {
        var id = new byte[5];
        "KEM"u8.CopyTo(id);
        BinaryPrimitives.WriteUInt16BigEndian(id.AsSpan(3), (ushort)kem);
        return id;
    }

    /// <summary>"HPKE" || I2OSP(kem_id, 2) || I2OSP(kdf_id, 2) || I2OSP(aead_id, 2).</summary>
    public static byte[] Hpke(HpkeSuite suite)
    {
        var id = new byte[10];
        "HPKE"u8.CopyTo(id);
        BinaryPrimitives.WriteUInt16BigEndian(id.AsSpan(4), (ushort)suite.Kem);
        BinaryPrimitives.WriteUInt16BigEndian(id.AsSpan(6), (ushort)suite.Kdf);
        BinaryPrimitives.WriteUInt16BigEndian(id.AsSpan(8), (ushort)suite.Aead);
        return id;
    }
}
