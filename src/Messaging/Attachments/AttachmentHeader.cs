using System.Buffers.Binary;

namespace MlaFlow.Messaging.Attachments;

/// <summary>
/// The first <see cref="AttachmentFormat.HeaderLength"/> bytes of an encrypted attachment, as read: version, plaintext
/// segment size, salt. Parsing checks only the framing; the header authenticates when a file key and associated data
/// are applied to it (<see cref="AttachmentSegmentOpener.Create"/>, <see cref="AttachmentCipher.DecryptAsync"/>).
/// </summary>
public sealed class AttachmentHeader
{
    private readonly byte[] salt;

    private AttachmentHeader(byte version, int segmentSize, byte[] salt)
    {
        Version = version;
        SegmentSize = segmentSize;
        this.salt = salt;
    }

    /// <summary>The format version; always <see cref="AttachmentFormat.Version"/> for a header that parsed.</summary>
    public byte Version { get; }

    /// <summary>Plaintext bytes in every segment but the last, within <see cref="AttachmentFormat.MinSegmentSize"/>..<see cref="AttachmentFormat.MaxSegmentSize"/>.</summary>
    public int SegmentSize { get; }

    /// <summary>The file's random salt (<see cref="AttachmentFormat.SaltLength"/> bytes).</summary>
    public ReadOnlyMemory<byte> Salt => salt;

    /// <summary>
    /// Reads the header at the start of <paramref name="bytes"/>; bytes beyond <see cref="AttachmentFormat.HeaderLength"/>
    /// are ignored. Fewer bytes are a truncated header, unless what is there already shows another format or version.
    /// </summary>
    /// <exception cref="AttachmentTamperedException">
    /// <see cref="AttachmentTamperReason.NotAnAttachment"/>, <see cref="AttachmentTamperReason.UnknownVersion"/>,
    /// <see cref="AttachmentTamperReason.HeaderTruncated"/> or <see cref="AttachmentTamperReason.SegmentSizeOutOfRange"/>.
    /// </exception>
    public static AttachmentHeader Parse(ReadOnlySpan<byte> bytes)
    {
        // Magic and version first: a future version may have a longer header, so "too short" is only meaningful once
        // the version is known to be ours.
        var magicSeen = bytes[..Math.Min(bytes.Length, AttachmentFormat.MagicLength)];
        if (!AttachmentFormat.Magic.StartsWith(magicSeen))
            throw AttachmentTamperedException.NotAnAttachment();
        if (bytes.Length > AttachmentFormat.VersionOffset && bytes[AttachmentFormat.VersionOffset] != AttachmentFormat.Version)
            throw AttachmentTamperedException.UnknownVersion(bytes[AttachmentFormat.VersionOffset]);
        if (bytes.Length < AttachmentFormat.HeaderLength)
            throw AttachmentTamperedException.HeaderTruncated(bytes.Length);

        var segmentSize = BinaryPrimitives.ReadUInt32BigEndian(bytes[AttachmentFormat.SegmentSizeOffset..]);
        if (!AttachmentFormat.IsValidSegmentSize(segmentSize))
            throw AttachmentTamperedException.SegmentSizeOutOfRange(segmentSize);

        return new AttachmentHeader(
            AttachmentFormat.Version, (int)segmentSize, bytes.Slice(AttachmentFormat.SaltOffset, AttachmentFormat.SaltLength).ToArray());
    }

    /// <summary>Writes everything but the header tag, which depends on the keys (<see cref="SegmentCipher.ForSender"/>).</summary>
    internal static void WriteFields(Span<byte> header, int segmentSize, ReadOnlySpan<byte> salt)
    {
        AttachmentFormat.Magic.CopyTo(header);
        header[AttachmentFormat.VersionOffset] = AttachmentFormat.Version;
        BinaryPrimitives.WriteUInt32BigEndian(header[AttachmentFormat.SegmentSizeOffset..], (uint)segmentSize);
        salt.CopyTo(header.Slice(AttachmentFormat.SaltOffset, AttachmentFormat.SaltLength));
    }
}
