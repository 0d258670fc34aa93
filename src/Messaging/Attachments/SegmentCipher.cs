using System.Buffers.Binary;
using System.Security.Cryptography;

namespace MlaFlow.Messaging.Attachments;

/// <summary>
/// One file's keys at work: seals and opens single segments at a given position, and computes the header tag. The
/// position (index and last-segment flag) lives only in the nonce, so a segment opens nowhere but where it was sealed.
/// </summary>
/// <remarks>
/// Keys, from HKDF-SHA256 (RFC 5869) with the header's salt, the caller's file key, and an info naming the format and
/// carrying the header fields: segment key (32 bytes) ‖ header key (32) ‖ nonce prefix (7). A fresh salt per file gives
/// every file its own segment key even if a file key is used twice, which is what makes counter nonces safe.
/// </remarks>
internal sealed class SegmentCipher : IDisposable
{
    private const int KeyLength = 32;
    private const int NoncePrefixLength = 7;
    private const int NonceLength = NoncePrefixLength + sizeof(uint) + 1;
    private const int DerivedLength = KeyLength + KeyLength + NoncePrefixLength;

    private readonly AesGcm aes;
    private readonly byte[] noncePrefix;
    private readonly byte[] associatedData;

    private SegmentCipher(ReadOnlySpan<byte> segmentKey, ReadOnlySpan<byte> noncePrefix, ReadOnlySpan<byte> associatedData, int segmentSize)
    {
        aes = new AesGcm(segmentKey, AttachmentFormat.TagLength);
        this.noncePrefix = noncePrefix.ToArray();
        // Copied: the caller's memory could change while a long stream is processed.
        this.associatedData = associatedData.ToArray();
        SegmentSize = segmentSize;
    }

    /// <summary>Plaintext bytes in every segment but the last.</summary>
    public int SegmentSize { get; }

    private static ReadOnlySpan<byte> Info => "MlaFlow attachment v1"u8;

    /// <summary>Derives the keys for a header whose fields are written, and writes its tag.</summary>
    public static SegmentCipher ForSender(ReadOnlySpan<byte> fileKey, Span<byte> header, ReadOnlySpan<byte> associatedData) =>
        Create(fileKey, header, associatedData, header.Slice(AttachmentFormat.HeaderTagOffset, AttachmentFormat.HeaderTagLength));

    /// <summary>Derives the keys for a parsed header and checks its tag.</summary>
    /// <exception cref="AttachmentTamperedException">The tag does not match: wrong key, wrong associated data, or altered header.</exception>
    public static SegmentCipher ForReceiver(ReadOnlySpan<byte> fileKey, ReadOnlySpan<byte> header, ReadOnlySpan<byte> associatedData)
    {
        Span<byte> expected = stackalloc byte[AttachmentFormat.HeaderTagLength];
        var cipher = Create(fileKey, header, associatedData, expected);
        if (CryptographicOperations.FixedTimeEquals(expected, header.Slice(AttachmentFormat.HeaderTagOffset, AttachmentFormat.HeaderTagLength)))
            return cipher;
        cipher.Dispose();
        throw AttachmentTamperedException.HeaderNotAuthentic();
    }

    /// <summary>Encrypts <paramref name="plaintext"/> as the segment at <paramref name="index"/> into <paramref name="segment"/> (ciphertext ‖ tag).</summary>
    public void Seal(long index, bool isLast, ReadOnlySpan<byte> plaintext, Span<byte> segment)
    {
        Span<byte> nonce = stackalloc byte[NonceLength];
        WriteNonce(nonce, index, isLast);
        aes.Encrypt(nonce, plaintext, segment[..plaintext.Length], segment.Slice(plaintext.Length, AttachmentFormat.TagLength), associatedData);
    }

    /// <summary>
    /// Decrypts <paramref name="segment"/> (ciphertext ‖ tag, at least a tag long) as the segment at
    /// <paramref name="index"/>; false, with <paramref name="plaintext"/> cleared, if it was not sealed there.
    /// </summary>
    public bool TryOpen(long index, bool isLast, ReadOnlySpan<byte> segment, Span<byte> plaintext)
    {
        Span<byte> nonce = stackalloc byte[NonceLength];
        WriteNonce(nonce, index, isLast);
        var length = segment.Length - AttachmentFormat.TagLength;
        try
        {
            aes.Decrypt(nonce, segment[..length], segment[length..], plaintext[..length], associatedData);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    /// <summary>
    /// Decrypts the segment at <paramref name="index"/>, whose length the caller has checked against its position, or
    /// says precisely why it does not open there. Returns the plaintext length.
    /// </summary>
    /// <exception cref="AttachmentTamperedException">The segment is not the one sealed at this position.</exception>
    public int Open(long index, bool isLast, ReadOnlySpan<byte> segment, Span<byte> plaintext)
    {
        if (TryOpen(index, isLast, segment, plaintext))
            return segment.Length - AttachmentFormat.TagLength;

        // The failure path only: opening with the other flag tells truncation and extension apart from forgery. What
        // it decrypts is never released.
        var opensWithOtherFlag = (!isLast || segment.Length == SegmentSize + AttachmentFormat.TagLength)
            && TryOpen(index, !isLast, segment, plaintext);
        CryptographicOperations.ZeroMemory(plaintext);
        throw (isLast, opensWithOtherFlag) switch
        {
            (true, true) => AttachmentTamperedException.EndsBeforeLastSegment(index),
            (true, false) => AttachmentTamperedException.LastSegmentNotAuthentic(index),
            (false, true) => AttachmentTamperedException.DataAfterLastSegment(index),
            (false, false) => AttachmentTamperedException.SegmentNotAuthentic(index),
        };
    }

    /// <inheritdoc />
    public void Dispose() => aes.Dispose();

    private static SegmentCipher Create(ReadOnlySpan<byte> fileKey, ReadOnlySpan<byte> header, ReadOnlySpan<byte> associatedData, Span<byte> headerTag)
    {
        var fields = header[..AttachmentFormat.SaltOffset];
        Span<byte> info = stackalloc byte[Info.Length + fields.Length];
        Info.CopyTo(info);
        fields.CopyTo(info[Info.Length..]);

        Span<byte> derived = stackalloc byte[DerivedLength];
        try
        {
            HKDF.DeriveKey(HashAlgorithmName.SHA256, fileKey, derived, header.Slice(AttachmentFormat.SaltOffset, AttachmentFormat.SaltLength), info);
            var segmentKey = derived[..KeyLength];
            var headerKey = derived.Slice(KeyLength, KeyLength);

            // The header tag commits to the file key (GCM alone does not: one ciphertext can open under two keys) and
            // lets a wrong key or wrong associated data fail before any segment is decrypted.
            using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, headerKey);
            hmac.AppendData(header[..AttachmentFormat.HeaderTagOffset]);
            hmac.AppendData(associatedData);
            hmac.GetHashAndReset(headerTag);

            var segmentSize = (int)BinaryPrimitives.ReadUInt32BigEndian(header[AttachmentFormat.SegmentSizeOffset..]);
            return new SegmentCipher(segmentKey, derived.Slice(2 * KeyLength, NoncePrefixLength), associatedData, segmentSize);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derived);
        }
    }

    // nonce = prefix (7) ‖ index (uint32, big-endian) ‖ flag (0x01 for the last segment, else 0x00); as in Tink's and
    // age's STREAM constructions (Hoang, Reyhanitabar, Rogaway, Vizár 2015), the flag keeps a prefix of the stream from
    // passing for the whole.
    private void WriteNonce(Span<byte> nonce, long index, bool isLast)
    {
        noncePrefix.CopyTo(nonce);
        BinaryPrimitives.WriteUInt32BigEndian(nonce[NoncePrefixLength..], checked((uint)index));
        nonce[^1] = isLast ? (byte)1 : (byte)0;
    }
}
