namespace MlaFlow.Messaging.Attachments;

/// <summary>Why an encrypted attachment was refused (<see cref="AttachmentTamperedException.Reason"/>).</summary>
public enum AttachmentTamperReason
{
    /// <summary>The stream does not start with <see cref="AttachmentFormat.Magic"/>: it is not an encrypted attachment.</summary>
    NotAnAttachment,

    /// <summary>The header names a format version this build does not read.</summary>
    UnknownVersion,

    /// <summary>The stream ends inside the header.</summary>
    HeaderTruncated,

    /// <summary>The header declares a segment size outside <see cref="AttachmentFormat.MinSegmentSize"/>..<see cref="AttachmentFormat.MaxSegmentSize"/>.</summary>
    SegmentSizeOutOfRange,

    /// <summary>
    /// The header tag does not verify: the file key or the associated data is not the one the sender used, or the
    /// header was altered. Nothing was decrypted.
    /// </summary>
    HeaderNotAuthentic,

    /// <summary>
    /// A segment does not authenticate at its position (<see cref="AttachmentTamperedException.SegmentIndex"/>):
    /// altered, moved, duplicated, from another file, or (for the last one) cut short or extended.
    /// </summary>
    SegmentNotAuthentic,

    /// <summary>The stream ends at a segment boundary before the segment the sender marked as the last: it was truncated.</summary>
    EndsBeforeLastSegment,

    /// <summary>The stream ends inside a segment, with fewer bytes than a tag: it was truncated.</summary>
    EndsInsideSegment,

    /// <summary>Bytes follow the segment the sender marked as the last.</summary>
    DataAfterLastSegment,

    /// <summary>The stream goes on past <see cref="AttachmentFormat.MaxSegmentCount"/> segments, which no sender can produce.</summary>
    TooManySegments,

    /// <summary>
    /// A segment handed over on its own (<see cref="AttachmentSegmentOpener"/>) does not have the length its position
    /// requires: exactly segment size + tag unless it is the last one.
    /// </summary>
    SegmentLengthInvalid,
}
