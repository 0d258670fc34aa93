using System.Buffers;
using System.Security.Cryptography;

namespace MlaFlow.Messaging.Attachments;

/// <summary>Encrypts a plaintext stream into the attachment format, one segment in memory at a time.</summary>
internal static class StreamSealer
{
    /// <summary>
    /// Writes the header with <paramref name="salt"/> (random in production, fixed only by known-answer tests), then the
    /// segments; refuses a plaintext of more than <paramref name="segmentLimit"/> segments (lowered only by tests of the limit).
    /// </summary>
    public static async Task<AttachmentSummary> SealAsync(
        Stream plaintext, Stream ciphertext, ReadOnlyMemory<byte> fileKey, ReadOnlyMemory<byte> associatedData, int segmentSize,
        ReadOnlyMemory<byte> salt, long segmentLimit, CancellationToken cancellationToken)
    {
        var header = new byte[AttachmentFormat.HeaderLength];
        AttachmentHeader.WriteFields(header, segmentSize, salt.Span);
        using var cipher = SegmentCipher.ForSender(fileKey.Span, header, associatedData.Span);
        await ciphertext.WriteAsync(header, cancellationToken).ConfigureAwait(false);

        // One byte more than a segment: whether a segment is the last is known only once the next byte is (or is not) there.
        var clear = ArrayPool<byte>.Shared.Rent(segmentSize + 1);
        var sealedSegment = ArrayPool<byte>.Shared.Rent(segmentSize + AttachmentFormat.TagLength);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            long index = 0, plaintextLength = 0;
            var carried = 0;
            while (true)
            {
                var wanted = segmentSize + 1 - carried;
                var filled = carried + await plaintext.ReadAtLeastAsync(
                    clear.AsMemory(carried, wanted), wanted, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                var isLast = filled <= segmentSize;
                var length = isLast ? filled : segmentSize;
                if (index == segmentLimit)
                    throw new ArgumentException(
                        $"The plaintext is longer than {segmentLimit} segments of {segmentSize} bytes, the most the format can number.", nameof(plaintext));

                sha256.AppendData(clear, 0, length);
                cipher.Seal(index, isLast, clear.AsSpan(0, length), sealedSegment);
                await ciphertext.WriteAsync(sealedSegment.AsMemory(0, length + AttachmentFormat.TagLength), cancellationToken).ConfigureAwait(false);
                plaintextLength += length;
                if (isLast)
                    return new AttachmentSummary(Sha256Digest.FromBytes(sha256.GetHashAndReset()), new AttachmentLayout(plaintextLength, segmentSize));

                clear[0] = clear[segmentSize];
                carried = 1;
                index++;
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(clear.AsSpan(0, segmentSize + 1));
            ArrayPool<byte>.Shared.Return(clear);
            ArrayPool<byte>.Shared.Return(sealedSegment);
        }
    }
}
