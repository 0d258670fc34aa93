using MlaFlow.Messaging.Attachments;

namespace MlaFlow.Messaging.Tests.Attachments;

/// <summary>Cuts an encrypted attachment into header and segments and sews the pieces back in another order.</summary>
internal sealed class CiphertextSurgery(byte[] ciphertext, int segmentSize = AttachmentSamples.SegmentSize)
{
    private readonly AttachmentLayout layout = AttachmentLayout.FromCiphertextLength(ciphertext.Length, segmentSize);

    public byte[] Header => ciphertext[..AttachmentFormat.HeaderLength];

    public byte[] Segment(int index) => ciphertext.AsSpan((int)layout.SegmentOffset(index), layout.SegmentLength(index)).ToArray();

    public int SegmentOffset(int index) => (int)layout.SegmentOffset(index);

    /// <summary>The header followed by the segments at <paramref name="indices"/>, in that order.</summary>
    public byte[] WithSegments(params int[] indices) => [.. Header, .. indices.SelectMany(Segment)];

    public byte[] WithBitFlipped(int offset, int bit = 0)
    {
        var copy = ciphertext.ToArray();
        copy[offset] ^= (byte)(1 << bit);
        return copy;
    }

    public byte[] WithByte(int offset, byte value)
    {
        var copy = ciphertext.ToArray();
        copy[offset] = value;
        return copy;
    }

    public byte[] CutTo(int length) => ciphertext[..length];

    public byte[] WithAppended(params byte[] extra) => [.. ciphertext, .. extra];
}
