namespace MlaFlow.Messaging.Attachments;

/// <summary>
/// Where everything lies in an encrypted attachment of a given plaintext length and segment size: how many segments,
/// where each starts, how long the whole is. Needs no key, so an exchange that only relays ciphertext can check the
/// length of an upload and resume it after the last acknowledged segment.
/// </summary>
/// <remarks>
/// Every segment but the last carries <see cref="SegmentSize"/> plaintext bytes; the last carries 1 to
/// <see cref="SegmentSize"/>, except that an empty file is one empty last segment. Each is followed by its tag.
/// </remarks>
public sealed record AttachmentLayout
{
    /// <summary>Lays out <paramref name="plaintextLength"/> bytes in segments of <paramref name="segmentSize"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The length is negative, the segment size is outside <see cref="AttachmentFormat.MinSegmentSize"/>..<see cref="AttachmentFormat.MaxSegmentSize"/>,
    /// or the file would need more than <see cref="AttachmentFormat.MaxSegmentCount"/> segments.
    /// </exception>
    public AttachmentLayout(long plaintextLength, int segmentSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(plaintextLength);
        if (!AttachmentFormat.IsValidSegmentSize(segmentSize))
            throw new ArgumentOutOfRangeException(
                nameof(segmentSize), segmentSize, $"Segment size is {AttachmentFormat.MinSegmentSize}..{AttachmentFormat.MaxSegmentSize} bytes.");
        var segmentCount = plaintextLength == 0 ? 1 : (plaintextLength - 1) / segmentSize + 1;
        if (segmentCount > AttachmentFormat.MaxSegmentCount)
            throw new ArgumentOutOfRangeException(
                nameof(plaintextLength), plaintextLength,
                $"At most {AttachmentFormat.MaxSegmentCount} segments of {segmentSize} bytes ({AttachmentFormat.MaxSegmentCount * segmentSize} bytes).");

        PlaintextLength = plaintextLength;
        SegmentSize = segmentSize;
        SegmentCount = segmentCount;
    }

    /// <summary>Bytes of plaintext.</summary>
    public long PlaintextLength { get; }

    /// <summary>Plaintext bytes in every segment but the last.</summary>
    public int SegmentSize { get; }

    /// <summary>Segments in the stream, at least one.</summary>
    public long SegmentCount { get; }

    /// <summary>Bytes of a segment that is not the last, tag included.</summary>
    public int FullSegmentLength => SegmentSize + AttachmentFormat.TagLength;

    /// <summary>Bytes of the whole encrypted attachment: header, then every segment with its tag.</summary>
    public long CiphertextLength => AttachmentFormat.HeaderLength + PlaintextLength + SegmentCount * AttachmentFormat.TagLength;

    /// <summary>Whether the segment at <paramref name="index"/> is the last.</summary>
    public bool IsLast(long index) => CheckIndex(index) == SegmentCount - 1;

    /// <summary>Where the segment at <paramref name="index"/> starts in the encrypted attachment.</summary>
    public long SegmentOffset(long index) => AttachmentFormat.HeaderLength + CheckIndex(index) * FullSegmentLength;

    /// <summary>Bytes of the segment at <paramref name="index"/>, tag included.</summary>
    public int SegmentLength(long index) => SegmentPlaintextLength(index) + AttachmentFormat.TagLength;

    /// <summary>Plaintext bytes in the segment at <paramref name="index"/>.</summary>
    public int SegmentPlaintextLength(long index) =>
        IsLast(index) ? (int)(PlaintextLength - index * SegmentSize) : SegmentSize;

    /// <summary>
    /// The layout whose <see cref="CiphertextLength"/> is <paramref name="ciphertextLength"/>, or false if no plaintext
    /// length gives that ciphertext length (the stream was cut or extended).
    /// </summary>
    public static bool TryFromCiphertextLength(long ciphertextLength, int segmentSize, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AttachmentLayout? layout)
    {
        layout = null;
        var body = ciphertextLength - AttachmentFormat.HeaderLength;
        if (!AttachmentFormat.IsValidSegmentSize(segmentSize) || body < AttachmentFormat.TagLength)
            return false;
        var fullSegmentLength = segmentSize + AttachmentFormat.TagLength;
        var segmentCount = (body - 1) / fullSegmentLength + 1;
        var plaintextLength = body - segmentCount * AttachmentFormat.TagLength;
        if (segmentCount > AttachmentFormat.MaxSegmentCount)
            return false;
        var candidate = new AttachmentLayout(plaintextLength, segmentSize);
        // A last segment holding only a tag is the empty file's, never a longer file's: such lengths have no layout.
        if (candidate.SegmentCount != segmentCount)
            return false;
        layout = candidate;
        return true;
    }

    /// <summary>The layout whose <see cref="CiphertextLength"/> is <paramref name="ciphertextLength"/>.</summary>
    /// <exception cref="ArgumentException">No plaintext length gives that ciphertext length with this segment size.</exception>
    public static AttachmentLayout FromCiphertextLength(long ciphertextLength, int segmentSize) =>
        TryFromCiphertextLength(ciphertextLength, segmentSize, out var layout) ? layout
        : throw new ArgumentException(
            $"No encrypted attachment with {segmentSize}-byte segments is {ciphertextLength} bytes long.", nameof(ciphertextLength));

    private long CheckIndex(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, SegmentCount);
        return index;
    }
}
