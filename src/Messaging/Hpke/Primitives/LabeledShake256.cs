using System.Buffers.Binary;
using Org.BouncyCastle.Crypto.Digests;

namespace MlaFlow.Messaging.Hpke.Primitives;

/// <summary>
/// SHAKE256 as a one-stage HPKE KDF (draft-ietf-hpke-hpke §4, draft-ietf-hpke-pq "Single-Stage KDFs"), for the
/// post-quantum KEMs' DeriveKeyPair: LabeledDerive(ikm, label, context, L) = SHAKE256(ikm ‖ "HPKE-v1" ‖ suite_id ‖
/// I2OSP(len(label), 2) ‖ label ‖ I2OSP(L, 2) ‖ context, L).
/// </summary>
internal sealed class LabeledShake256(byte[] suiteId)
{
    private static ReadOnlySpan<byte> Version => "HPKE-v1"u8;

    public byte[] LabeledDerive(ReadOnlySpan<byte> ikm, ReadOnlySpan<byte> label, ReadOnlySpan<byte> context, int length)
    {
        var shake = new ShakeDigest(256);
        Span<byte> prefix = stackalloc byte[2];
        shake.BlockUpdate(ikm);
        shake.BlockUpdate(Version);
        shake.BlockUpdate(suiteId);
        BinaryPrimitives.WriteUInt16BigEndian(prefix, checked((ushort)label.Length));
        shake.BlockUpdate(prefix);
        shake.BlockUpdate(label);
        BinaryPrimitives.WriteUInt16BigEndian(prefix, checked((ushort)length));
        shake.BlockUpdate(prefix);
        shake.BlockUpdate(context);
        var output = new byte[length];
        shake.OutputFinal(output);
        return output;
    }

    /// <summary>SHAKE256(input, length): the plain XOF, as X-Wing expands its seed.</summary>
    public static void Expand(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var shake = new ShakeDigest(256);
        shake.BlockUpdate(input);
        shake.OutputFinal(output);
    }
}
