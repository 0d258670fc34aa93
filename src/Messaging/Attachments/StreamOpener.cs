using System.Buffers;
using System.Security.Cryptography;

namespace MlaFlow.Messaging.Attachments;

/// <summary>
/// Decrypts an attachment stream one segment at a time, writing each segment's plaintext only once it authenticates at
/// its position. What it wrote is a prefix of the sender's plaintext until it returns: the stream's end is proven
/// only by the last segment.
/// </summary>
internal static class StreamOpener
{
    /// <summary>
    /// Checks the header, then decrypts the segments; refuses a stream of more than <paramref name="segmentLimit"/>
    /// segments (lowered only by tests of the limit).
    /// </summary>
    public static async Task<AttachmentSummary> OpenAsync(
        Stream ciphertext, Stream plaintext, ReadOnlyMemory<byte> fileKey, ReadOnlyMemory<byte> associatedData, long segmentLimit,
        CancellationToken cancellationToken)
    {
        var header = new byte[AttachmentFormat.HeaderLength];
        var headerRead = await ciphertext.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        var segmentSize = AttachmentHeader.Parse(header.AsSpan(0, headerRead)).SegmentSize;
        using var cipher = SegmentCipher.ForReceiver(fileKey.Span, header, associatedData.Span);

        var fullSegmentLength = segmentSize + AttachmentFormat.TagLength;
        // One byte more than a segment, as when sealing: a segment is the last exactly when the stream ends within it.
        var segment = ArrayPool<byte>.Shared.Rent(fullSegmentLength + 1);
        var clear = ArrayPool<byte>.Shared.Rent(segmentSize);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            long index = 0, plaintextLength = 0;
            var carried = 0;
            while (true)
            {
                var wanted = fullSegmentLength + 1 - carried;
                var filled = carried + await ciphertext.ReadAtLeastAsync(
                    segment.AsMemory(carried, wanted), wanted, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                var isLast = filled <= fullSegmentLength;
                var length = isLast ? filled : fullSegmentLength;
                if (length == 0)
                    throw AttachmentTamperedException.EndsBeforeFirstSegment();
                if (length < AttachmentFormat.TagLength)
                    throw AttachmentTamperedException.EndsInsideSegment(index, length);

                var opened = cipher.Open(index, isLast, segment.AsSpan(0, length), clear);
                sha256.AppendData(clear, 0, opened);
                await plaintext.WriteAsync(clear.AsMemory(0, opened), cancellationToken).ConfigureAwait(false);
                plaintextLength += opened;
                if (isLast)
                    return new AttachmentSummary(Sha256Digest.FromBytes(sha256.GetHashAndReset()), new AttachmentLayout(plaintextLength, segmentSize));

                segment[0] = segment[fullSegmentLength];
                carried = 1;
                index++;
                // More bytes follow segment 2^32 - 1, which can only be the last: no sender numbers past it.
                if (index == segmentLimit)
                    throw AttachmentTamperedException.TooManySegments(segmentLimit);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(clear.AsSpan(0, segmentSize));
            ArrayPool<byte>.Shared.Return(segment);
            ArrayPool<byte>.Shared.Return(clear);
        }
    }
}
