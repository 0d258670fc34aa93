namespace MlaFlow.Messaging.Attachments;

/// <summary>
/// The constants of the encrypted attachment format, version 1 (docs/messaging.md, "Attachments"): a 73-byte header,
/// then segments of AES-256-GCM ciphertext, each followed by its 16-byte tag.
/// </summary>
public static class AttachmentFormat
{
    /// <summary>The version this build writes and the only one it reads.</summary>
    public const byte Version = 1;

    /// <summary>Plaintext bytes per segment unless the sender chooses otherwise: 64 KiB.</summary>
    public const int DefaultSegmentSize = 64 * 1024;

    /// <summary>The smallest plaintext segment size a sender may choose or a header may declare: 1 KiB.</summary>
    /// <remarks>Below this the 16-byte tag per segment becomes a noticeable share of the file, and the largest file
    /// (<see cref="MaxSegmentCount"/> segments) shrinks to a few TiB.</remarks>
    public const int MinSegmentSize = 1024;

    /// <summary>The largest plaintext segment size a sender may choose or a header may declare: 1 MiB.</summary>
    /// <remarks>
    /// The header is read before anything authenticates, and its segment size decides the buffers the receiver
    /// allocates; the bound keeps a forged header from making it allocate gigabytes. It also keeps the most a single
    /// key ever encrypts (2^32 segments of 1 MiB, 2^48 AES blocks) far below GCM's birthday bound.
    /// </remarks>
    public const int MaxSegmentSize = 1024 * 1024;

    /// <summary>The most segments a stream may have: the segment index is a 32-bit counter in the nonce.</summary>
    public const long MaxSegmentCount = 1L << 32;

    /// <summary>Bytes of the GCM tag that follows every segment's ciphertext.</summary>
    public const int TagLength = 16;

    /// <summary>Bytes of the random salt in the header, from which each file's segment key is derived.</summary>
    public const int SaltLength = 32;

    /// <summary>Bytes of the header tag (HMAC-SHA256 over the header fields and the associated data).</summary>
    public const int HeaderTagLength = 32;

    /// <summary>Bytes of the header: magic (4), version (1), segment size (4), salt (32), header tag (32).</summary>
    public const int HeaderLength = MagicLength + 1 + 4 + SaltLength + HeaderTagLength;

    /// <summary>The first four bytes of every encrypted attachment, ASCII <c>MLFA</c> (MlaFlow attachment).</summary>
    public static ReadOnlySpan<byte> Magic => "MLFA"u8;

    internal const int MagicLength = 4;

    internal const int VersionOffset = MagicLength;

    internal const int SegmentSizeOffset = VersionOffset + 1;

    internal const int SaltOffset = SegmentSizeOffset + 4;

    internal const int HeaderTagOffset = SaltOffset + SaltLength;

    /// <summary>Bytes of the file key the caller supplies (AES-256 strength).</summary>
    public const int FileKeyLength = 32;

    /// <summary>Whether <paramref name="segmentSize"/> is within <see cref="MinSegmentSize"/>..<see cref="MaxSegmentSize"/>.</summary>
    public static bool IsValidSegmentSize(long segmentSize) => segmentSize is >= MinSegmentSize and <= MaxSegmentSize;
}
