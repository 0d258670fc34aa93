namespace MlaFlow.Messaging.Attachments;

/// <summary>
/// An encrypted attachment was refused: it is not one, or it was altered, truncated, extended, reordered, or it was
/// sealed under another file key or associated data. The message says precisely what was found; no plaintext from
/// the failing segment (or any later one) was released.
/// </summary>
public sealed class AttachmentTamperedException : Exception
{
    /// <summary>Refuses an attachment for <paramref name="reason"/>, at <paramref name="segmentIndex"/> when a segment is concerned.</summary>
    public AttachmentTamperedException(AttachmentTamperReason reason, string message, long? segmentIndex = null)
        : base(message)
    {
        Reason = reason;
        SegmentIndex = segmentIndex;
    }

    /// <summary>What was found, for callers that react differently to, say, truncation (ask again) and forgery (alert).</summary>
    public AttachmentTamperReason Reason { get; }

    /// <summary>The zero-based index of the segment concerned, or <see langword="null"/> when the header is.</summary>
    public long? SegmentIndex { get; }

    internal static AttachmentTamperedException NotAnAttachment() =>
        new(AttachmentTamperReason.NotAnAttachment, "Not an MlaFlow attachment: the stream does not start with the magic bytes MLFA.");

    internal static AttachmentTamperedException UnknownVersion(byte version) =>
        new(AttachmentTamperReason.UnknownVersion, $"Header version {version} unknown: this build reads version {AttachmentFormat.Version}.");

    internal static AttachmentTamperedException HeaderTruncated(int length) =>
        new(AttachmentTamperReason.HeaderTruncated, length == 0
            ? "The stream is empty: it ends before the header."
            : $"The stream ends inside the header ({length} of {AttachmentFormat.HeaderLength} bytes).");

    internal static AttachmentTamperedException SegmentSizeOutOfRange(uint segmentSize) =>
        new(AttachmentTamperReason.SegmentSizeOutOfRange,
            $"Header segment size {segmentSize} is outside {AttachmentFormat.MinSegmentSize}..{AttachmentFormat.MaxSegmentSize} bytes.");

    internal static AttachmentTamperedException HeaderNotAuthentic() =>
        new(AttachmentTamperReason.HeaderNotAuthentic,
            "The header does not authenticate: the file key or the associated data is not the sender's, or the header was altered.");

    internal static AttachmentTamperedException SegmentNotAuthentic(long index) =>
        new(AttachmentTamperReason.SegmentNotAuthentic, $"Segment {index} does not authenticate.", index);

    // A final segment that fails can have been altered, or cut, or extended; without its true length nothing tells them
    // apart (trying every shorter length would cost a decryption per byte), so the message names all three.
    internal static AttachmentTamperedException LastSegmentNotAuthentic(long index) =>
        new(AttachmentTamperReason.SegmentNotAuthentic,
            $"Segment {index} does not authenticate as the last segment: it was altered, cut short, or has bytes appended.", index);

    internal static AttachmentTamperedException EndsBeforeFirstSegment() =>
        new(AttachmentTamperReason.EndsBeforeLastSegment, "The stream ends before the last segment: no segment follows the header.", 0);

    internal static AttachmentTamperedException EndsBeforeLastSegment(long lastPresent) =>
        new(AttachmentTamperReason.EndsBeforeLastSegment,
            $"The stream ends before the last segment: segment {lastPresent} authenticates but is not the last, and segment {lastPresent + 1} is missing.",
            lastPresent + 1);

    internal static AttachmentTamperedException EndsInsideSegment(long index, int length) =>
        new(AttachmentTamperReason.EndsInsideSegment,
            $"The stream ends inside segment {index}: {length} bytes, fewer than its {AttachmentFormat.TagLength}-byte tag.", index);

    internal static AttachmentTamperedException DataAfterLastSegment(long index) =>
        new(AttachmentTamperReason.DataAfterLastSegment,
            $"Data after the last segment: segment {index} authenticates as the last, yet more bytes follow.", index);

    internal static AttachmentTamperedException TooManySegments(long segmentLimit) =>
        new(AttachmentTamperReason.TooManySegments,
            $"The stream goes on past {segmentLimit} segments, more than any sender can produce.", segmentLimit);

    internal static AttachmentTamperedException SegmentLengthInvalid(long index, bool isLast, int length, int segmentSize) =>
        new(AttachmentTamperReason.SegmentLengthInvalid, isLast
            ? $"Segment {index} has {length} bytes; the last segment has {AttachmentFormat.TagLength} to {segmentSize + AttachmentFormat.TagLength}."
            : $"Segment {index} has {length} bytes; a segment that is not the last has exactly {segmentSize + AttachmentFormat.TagLength}.",
            index);
}
