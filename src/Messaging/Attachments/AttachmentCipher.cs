using System.Security.Cryptography;

namespace MlaFlow.Messaging.Attachments;

/// <summary>
/// Encrypts and decrypts attachments (evidence files) as a stream of AES-256-GCM segments under a per-file key, in
/// constant memory whatever the file's size (docs/messaging.md, "Attachments"). Truncation, reordering, duplication,
/// bit flips, and moving a file to another message (other associated data) are all detected.
/// </summary>
/// <remarks>
/// <para>
/// <b>Receivers: plaintext is released segment by segment.</b> <see cref="DecryptAsync"/> writes each segment once it
/// authenticates, so when it throws, the output holds an authentic but possibly incomplete prefix. Discard it:
/// decrypt to a temporary place and keep the result only when the call returns, as
/// <see cref="DecryptToFileAsync"/> does. Then compare the returned SHA-256 with the one the envelope declares.
/// </para>
/// <para>Each call uses buffers of about two segments, rented and reused; streams are read and written sequentially.</para>
/// </remarks>
public static class AttachmentCipher
{
    /// <summary>Encrypts <paramref name="plaintext"/> to the end with segments of <see cref="AttachmentFormat.DefaultSegmentSize"/>.</summary>
    /// <inheritdoc cref="EncryptAsync(Stream, Stream, ReadOnlyMemory{byte}, ReadOnlyMemory{byte}, int, CancellationToken)"/>
    public static Task<AttachmentSummary> EncryptAsync(
        Stream plaintext, Stream ciphertext, ReadOnlyMemory<byte> fileKey, ReadOnlyMemory<byte> associatedData,
        CancellationToken cancellationToken = default) =>
        EncryptAsync(plaintext, ciphertext, fileKey, associatedData, AttachmentFormat.DefaultSegmentSize, cancellationToken);

    /// <summary>
    /// Reads <paramref name="plaintext"/> to its end and writes the encrypted attachment to <paramref name="ciphertext"/>:
    /// header with a fresh random salt, then the segments. Neither stream is closed or flushed.
    /// </summary>
    /// <param name="plaintext">The file, read sequentially from its current position.</param>
    /// <param name="ciphertext">Where the encrypted attachment goes, written sequentially.</param>
    /// <param name="fileKey">The <see cref="AttachmentFormat.FileKeyLength"/>-byte key the recipient will be given (in the sealed envelope).</param>
    /// <param name="associatedData">
    /// What the file belongs to (e.g. the envelope's message id and the attachment id), bound into the header and every
    /// segment; the receiver must give the same bytes. May be empty.
    /// </param>
    /// <param name="segmentSize">Plaintext bytes per segment, <see cref="AttachmentFormat.MinSegmentSize"/>..<see cref="AttachmentFormat.MaxSegmentSize"/>; recorded in the header.</param>
    /// <param name="cancellationToken">Stops between segments; what was written is then incomplete.</param>
    /// <returns>The plaintext's SHA-256, to keep with the request, and the lengths.</returns>
    /// <exception cref="ArgumentException">
    /// The key is not <see cref="AttachmentFormat.FileKeyLength"/> bytes, a stream cannot be read or written, or the
    /// plaintext needs more than <see cref="AttachmentFormat.MaxSegmentCount"/> segments (found at that point, with the
    /// ciphertext written so far incomplete).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">The segment size is out of bounds.</exception>
    public static Task<AttachmentSummary> EncryptAsync(
        Stream plaintext, Stream ciphertext, ReadOnlyMemory<byte> fileKey, ReadOnlyMemory<byte> associatedData, int segmentSize,
        CancellationToken cancellationToken = default)
    {
        CheckReadable(plaintext, nameof(plaintext));
        CheckWritable(ciphertext, nameof(ciphertext));
        CheckFileKey(fileKey);
        if (!AttachmentFormat.IsValidSegmentSize(segmentSize))
            throw new ArgumentOutOfRangeException(
                nameof(segmentSize), segmentSize, $"Segment size is {AttachmentFormat.MinSegmentSize}..{AttachmentFormat.MaxSegmentSize} bytes.");
        return StreamSealer.SealAsync(
            plaintext, ciphertext, fileKey, associatedData, segmentSize, RandomNumberGenerator.GetBytes(AttachmentFormat.SaltLength),
            AttachmentFormat.MaxSegmentCount, cancellationToken);
    }

    /// <summary>
    /// Reads the encrypted attachment <paramref name="ciphertext"/> to its end and writes the plaintext to
    /// <paramref name="plaintext"/>, each segment only after it authenticates. The segment size comes from the header.
    /// </summary>
    /// <remarks>
    /// When this throws, <paramref name="plaintext"/> may already hold the segments before the failing one: authentic,
    /// but not the whole file. The caller must discard them (write to a temporary file and move it into place on
    /// success, or use <see cref="DecryptToFileAsync"/>). To verify without keeping the plaintext, pass
    /// <see cref="Stream.Null"/>.
    /// </remarks>
    /// <param name="ciphertext">The encrypted attachment, read sequentially from its current position to its end.</param>
    /// <param name="plaintext">Where authenticated plaintext goes. Neither stream is closed or flushed.</param>
    /// <param name="fileKey">The sender's file key.</param>
    /// <param name="associatedData">The same bytes the sender bound (message id, attachment id…).</param>
    /// <param name="cancellationToken">Stops between segments.</param>
    /// <returns>The SHA-256 of the plaintext written, and the lengths.</returns>
    /// <exception cref="AttachmentTamperedException">
    /// The stream is not an attachment this build reads, or does not authenticate; <see cref="AttachmentTamperedException.Reason"/>
    /// and the message say precisely why and where.
    /// </exception>
    /// <exception cref="ArgumentException">The key is not <see cref="AttachmentFormat.FileKeyLength"/> bytes, or a stream cannot be read or written.</exception>
    public static Task<AttachmentSummary> DecryptAsync(
        Stream ciphertext, Stream plaintext, ReadOnlyMemory<byte> fileKey, ReadOnlyMemory<byte> associatedData,
        CancellationToken cancellationToken = default)
    {
        CheckReadable(ciphertext, nameof(ciphertext));
        CheckWritable(plaintext, nameof(plaintext));
        CheckFileKey(fileKey);
        return StreamOpener.OpenAsync(ciphertext, plaintext, fileKey, associatedData, AttachmentFormat.MaxSegmentCount, cancellationToken);
    }

    /// <summary>
    /// Decrypts <paramref name="ciphertext"/> into a new file at <paramref name="destinationPath"/>, which appears only
    /// if the whole attachment authenticates: the plaintext goes to a temporary file beside it (readable by the owner
    /// only on Unix), flushed to disk and then moved into place. On any failure the temporary file is deleted.
    /// </summary>
    /// <param name="ciphertext">The encrypted attachment, read sequentially from its current position to its end; not closed.</param>
    /// <param name="destinationPath">The file to create; its directory must exist and the file must not.</param>
    /// <param name="fileKey">The sender's file key.</param>
    /// <param name="associatedData">The same bytes the sender bound (message id, attachment id…).</param>
    /// <param name="cancellationToken">Stops between segments; no file is then created.</param>
    /// <returns>The SHA-256 of the plaintext in the file, and the lengths.</returns>
    /// <exception cref="AttachmentTamperedException">As for <see cref="DecryptAsync"/>; no file was created.</exception>
    /// <exception cref="IOException"><paramref name="destinationPath"/> already exists, or the file system failed.</exception>
    public static async Task<AttachmentSummary> DecryptToFileAsync(
        Stream ciphertext, string destinationPath, ReadOnlyMemory<byte> fileKey, ReadOnlyMemory<byte> associatedData,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(destinationPath);
        CheckReadable(ciphertext, nameof(ciphertext));
        CheckFileKey(fileKey);
        await using var pending = PendingPlaintextFile.Create(destinationPath);
        var summary = await StreamOpener.OpenAsync(
            ciphertext, pending.Stream, fileKey, associatedData, AttachmentFormat.MaxSegmentCount, cancellationToken).ConfigureAwait(false);
        await pending.CommitAsync(cancellationToken).ConfigureAwait(false);
        return summary;
    }

    private static void CheckReadable(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream, name);
        if (!stream.CanRead)
            throw new ArgumentException("The stream cannot be read.", name);
    }

    private static void CheckWritable(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream, name);
        if (!stream.CanWrite)
            throw new ArgumentException("The stream cannot be written.", name);
    }

    private static void CheckFileKey(ReadOnlyMemory<byte> fileKey)
    {
        if (fileKey.Length != AttachmentFormat.FileKeyLength)
            throw new ArgumentException($"A file key has {AttachmentFormat.FileKeyLength} bytes, not {fileKey.Length}.", nameof(fileKey));
    }
}
