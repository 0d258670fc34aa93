namespace MlaFlow.Messaging.Attachments;

/// <summary>
/// Verifies or decrypts single segments of an encrypted attachment, for transfers that move segments one at a time and
/// resume after the last acknowledged one. Where each segment lies, and which is the last, comes from
/// <see cref="AttachmentLayout"/> and the plaintext length the sender declared.
/// </summary>
/// <remarks>
/// Each segment is proven authentic at its position, but the file is complete only when every index from 0 to the last
/// has been opened and the last was opened with <c>isLast: true</c>; until then, as with
/// <see cref="AttachmentCipher.DecryptAsync"/>, plaintext already released must not be used as the file. Not thread-safe.
/// </remarks>
public sealed class AttachmentSegmentOpener : IDisposable
{
    private readonly SegmentCipher cipher;
    private byte[]? scratch;

    private AttachmentSegmentOpener(AttachmentHeader header, SegmentCipher cipher)
    {
        Header = header;
        this.cipher = cipher;
    }

    /// <summary>The attachment's header.</summary>
    public AttachmentHeader Header { get; }

    /// <summary>Checks the header (the first <see cref="AttachmentFormat.HeaderLength"/> bytes of the attachment) under the key and associated data.</summary>
    /// <exception cref="AttachmentTamperedException">The header does not parse, or does not authenticate under this key and associated data.</exception>
    /// <exception cref="ArgumentException">The key is not <see cref="AttachmentFormat.FileKeyLength"/> bytes.</exception>
    public static AttachmentSegmentOpener Create(ReadOnlySpan<byte> header, ReadOnlySpan<byte> fileKey, ReadOnlySpan<byte> associatedData)
    {
        if (fileKey.Length != AttachmentFormat.FileKeyLength)
            throw new ArgumentException($"A file key has {AttachmentFormat.FileKeyLength} bytes, not {fileKey.Length}.", nameof(fileKey));
        var parsed = AttachmentHeader.Parse(header);
        return new AttachmentSegmentOpener(parsed, SegmentCipher.ForReceiver(fileKey, header, associatedData));
    }

    /// <summary>
    /// Decrypts <paramref name="segment"/> (ciphertext and tag) as the segment at <paramref name="index"/> into
    /// <paramref name="plaintext"/>, which needs room for the segment's length less <see cref="AttachmentFormat.TagLength"/>.
    /// </summary>
    /// <returns>Plaintext bytes written.</returns>
    /// <exception cref="AttachmentTamperedException">The segment's length does not fit its position, or it was not sealed at this index with this last-segment flag.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside 0..2^32 - 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="plaintext"/> is too small.</exception>
    public int Decrypt(long index, bool isLast, ReadOnlySpan<byte> segment, Span<byte> plaintext)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, AttachmentFormat.MaxSegmentCount);
        var fullSegmentLength = Header.SegmentSize + AttachmentFormat.TagLength;
        var fits = isLast ? segment.Length is >= AttachmentFormat.TagLength && segment.Length <= fullSegmentLength : segment.Length == fullSegmentLength;
        if (!fits)
            throw AttachmentTamperedException.SegmentLengthInvalid(index, isLast, segment.Length, Header.SegmentSize);
        if (plaintext.Length < segment.Length - AttachmentFormat.TagLength)
            throw new ArgumentException($"Segment {index} needs {segment.Length - AttachmentFormat.TagLength} bytes of plaintext room.", nameof(plaintext));
        return cipher.Open(index, isLast, segment, plaintext);
    }

    /// <summary>Checks that <paramref name="segment"/> is the segment sealed at <paramref name="index"/>, keeping no plaintext.</summary>
    /// <exception cref="AttachmentTamperedException">As for <see cref="Decrypt"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside 0..2^32 - 1.</exception>
    public void Verify(long index, bool isLast, ReadOnlySpan<byte> segment)
    {
        scratch ??= new byte[Header.SegmentSize];
        try
        {
            Decrypt(index, isLast, segment, scratch);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(scratch);
        }
    }

    /// <inheritdoc />
    public void Dispose() => cipher.Dispose();
}
