using System.Security.Cryptography;
using MlaFlow.Messaging.Attachments;
using MlaFlow.Messaging.Keys;

namespace MlaFlow.Messaging.Files;

/// <summary>
/// The evidence files this node keeps, in <c>&lt;data&gt;/files/</c>, only ever encrypted: each as
/// <c>&lt;id&gt;.mlfa</c>, an encrypted attachment (docs/messaging.md, "Attachments") under a key of its own bound to
/// <see cref="EvidenceFileId.AssociatedData"/>, beside <c>&lt;id&gt;.key</c>, that key sealed by the node's
/// <see cref="KeyStore"/>. Because the associated data names only the file, the ciphertext a sender keeps is the very
/// one it transfers and the receiver keeps: only the key is sealed anew on each node.
/// </summary>
/// <remarks>
/// <para>
/// A file appears under its final name only once whole: added files are encrypted to a temporary name, received ones
/// are assembled in <c>&lt;id&gt;.part</c> and renamed only once they authenticate end to end. Every file is readable
/// by the owner only on Unix and flushed to disk before it is renamed.
/// </para>
/// <para>
/// Different files may be handled at once. The calls for one incoming file are the caller's to make one at a time:
/// the part is opened exclusively, so an overlapping call fails with an <see cref="IOException"/> rather than interleave.
/// </para>
/// </remarks>
public sealed class EvidenceFileStore(string dataPath, KeyStore keys)
{
    /// <summary>The folder's name inside the data folder.</summary>
    public const string FolderName = "files";

    /// <summary>
    /// Plaintext bytes per segment of a stored file: the format's largest. A file crosses to another node as the very
    /// segments it is stored in, one request each, so larger segments mean far fewer round trips over a slow link
    /// (1 GiB: 1,024 requests rather than 16,384) for a resume granularity of a mebibyte.
    /// </summary>
    public const int SegmentSize = AttachmentFormat.MaxSegmentSize;

    // A sealed file key is 60 bytes; reading a little more lets a longer (altered) file fail to open, without reading it all.
    private const int MaxSealedKeyLength = 256;

    private readonly string _folder = Path.Combine(Path.GetFullPath(dataPath), FolderName);

    /// <summary>
    /// True when the key store is unlocked. Files are kept only encrypted, under keys sealed by the store, so without its
    /// passphrase or key-encryption key nothing can be added, read or received.
    /// </summary>
    public bool IsAvailable => keys.IsUnlocked;

    /// <summary>
    /// Encrypts <paramref name="plaintext"/>, read to its end, into a new evidence file, under a new random key.
    /// </summary>
    /// <param name="plaintext">The file, read sequentially from its current position; not closed.</param>
    /// <param name="maxBytes">The most bytes of plaintext accepted.</param>
    /// <param name="cancellationToken">Stops the encryption; nothing is then kept.</param>
    /// <returns>The new file's id, size and plaintext SHA-256.</returns>
    /// <exception cref="EvidenceFileTooLargeException">The plaintext is longer than <paramref name="maxBytes"/>; nothing was kept.</exception>
    /// <exception cref="KeyStoreException">The key store is locked (<see cref="IsAvailable"/> is false).</exception>
    public async Task<StoredFile> AddAsync(Stream plaintext, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        var id = EvidenceFileId.New();
        var fileKey = NewKeyBuffer();
        try
        {
            RandomNumberGenerator.Fill(fileKey);
            // Sealed first: a locked store fails before any plaintext is read.
            var sealedKey = keys.SealFileKey(id, fileKey);
            EnsureFolder();
            using var ciphertext = PendingFile.Create(CompletePath(id));
            var summary = await AttachmentCipher.EncryptAsync(
                new SizeLimitedReadStream(plaintext, maxBytes), ciphertext.Stream, fileKey, EvidenceFileId.AssociatedData(id), SegmentSize, cancellationToken);
            // The key before the file: a complete file without its key could never be read.
            PendingFile.Write(KeyPath(id), sealedKey);
            try
            {
                ciphertext.Commit(overwrite: false);
            }
            catch
            {
                File.Delete(KeyPath(id));
                throw;
            }

            return new StoredFile(id, summary.PlaintextLength, summary.PlaintextSha256.ToString());
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fileKey);
        }
    }

    /// <summary>Whether the complete evidence file <paramref name="id"/> is kept here.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not an <see cref="EvidenceFileId"/>.</exception>
    public bool Exists(string id) => File.Exists(CompletePath(id));

    /// <summary>
    /// The encrypted evidence file <paramref name="id"/>, for reading from its start to its end, e.g. to transfer it to
    /// another node as it is. The caller disposes it.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not an <see cref="EvidenceFileId"/>.</exception>
    /// <exception cref="EvidenceFileNotFoundException">No complete file of that id is kept here.</exception>
    public FileStream OpenCiphertext(string id)
    {
        var path = CompletePath(id);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new EvidenceFileNotFoundException(id, e);
        }
    }

    /// <summary>
    /// The key of evidence file <paramref name="id"/>, e.g. to seal into the envelope that transfers the file. The
    /// caller zeroes it (<see cref="CryptographicOperations.ZeroMemory"/>) once used.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not an <see cref="EvidenceFileId"/>.</exception>
    /// <exception cref="EvidenceFileNotFoundException">No key of that id is kept here.</exception>
    /// <exception cref="KeyStoreException">The key store is locked, or the key file was altered or belongs to another node.</exception>
    public byte[] FileKey(string id)
    {
        byte[] sealedKey;
        try
        {
            using var stream = new FileStream(KeyPath(id), FileMode.Open, FileAccess.Read, FileShare.Read);
            sealedKey = new byte[Math.Min(stream.Length, MaxSealedKeyLength)];
            stream.ReadExactly(sealedKey);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new EvidenceFileNotFoundException(id, e);
        }

        var fileKey = NewKeyBuffer();
        keys.OpenFileKey(id, sealedKey, fileKey);
        return fileKey;
    }

    /// <summary>
    /// Decrypts evidence file <paramref name="id"/> to <paramref name="destination"/>, each segment once it authenticates.
    /// </summary>
    /// <remarks>
    /// When this throws, <paramref name="destination"/> may hold an authentic but incomplete prefix of the file
    /// (<see cref="AttachmentCipher.DecryptAsync"/>): the caller discards it.
    /// </remarks>
    /// <returns>The plaintext's SHA-256 and the lengths.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not an <see cref="EvidenceFileId"/>.</exception>
    /// <exception cref="EvidenceFileNotFoundException">No complete file of that id is kept here.</exception>
    /// <exception cref="AttachmentTamperedException">The file was altered, or its key is another file's.</exception>
    /// <exception cref="KeyStoreException">The key store is locked, or the key file was altered or belongs to another node.</exception>
    public async Task<AttachmentSummary> DecryptAsync(string id, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        await using var ciphertext = OpenCiphertext(id);
        var fileKey = FileKey(id);
        try
        {
            return await AttachmentCipher.DecryptAsync(ciphertext, destination, fileKey, EvidenceFileId.AssociatedData(id), cancellationToken);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fileKey);
        }
    }

    /// <summary>
    /// Starts receiving evidence file <paramref name="id"/> from another node: keeps its key, sealed by this node's store,
    /// and starts <c>&lt;id&gt;.part</c> with the file's header. Preparing the same id again starts it over.
    /// </summary>
    /// <param name="id">The file's id, as the sender keeps it (the ciphertext is bound to it).</param>
    /// <param name="fileKey">The file key from the sender's envelope, <see cref="AttachmentFormat.FileKeyLength"/> bytes.</param>
    /// <param name="header">The first <see cref="AttachmentFormat.HeaderLength"/> bytes of the encrypted file.</param>
    /// <exception cref="ArgumentException">The id, key or header is malformed.</exception>
    /// <exception cref="InvalidOperationException">The complete file is already kept here.</exception>
    /// <exception cref="KeyStoreException">The key store is locked.</exception>
    public void PrepareIncoming(string id, ReadOnlySpan<byte> fileKey, ReadOnlySpan<byte> header)
    {
        if (header.Length != AttachmentFormat.HeaderLength)
        {
            throw new ArgumentException($"An encrypted file's header has {AttachmentFormat.HeaderLength} bytes, not {header.Length}.", nameof(header));
        }

        if (Exists(id))
        {
            throw new InvalidOperationException($"Evidence file {id} is already kept here; it is never received twice.");
        }

        var sealedKey = keys.SealFileKey(id, fileKey);
        EnsureFolder();
        PendingFile.Write(KeyPath(id), sealedKey);
        PendingFile.Write(PartPath(id), header);
    }

    /// <summary>
    /// Writes <paramref name="segment"/> (a segment of the file with its tag, already checked by the caller) at
    /// <paramref name="offset"/> of the incoming file <paramref name="id"/>, and returns once it is on disk, so the
    /// segment can be acknowledged. Writing a segment again writes the same bytes again.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not an <see cref="EvidenceFileId"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> lies inside the header.</exception>
    /// <exception cref="InvalidOperationException">The file is not being received (<see cref="PrepareIncoming"/> was not called, or it was completed or discarded).</exception>
    public async Task WriteSegmentAsync(string id, long offset, ReadOnlyMemory<byte> segment, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(offset, AttachmentFormat.HeaderLength);
        await using var part = OpenPart(id, FileAccess.Write);
        part.Position = offset;
        await part.WriteAsync(segment, cancellationToken);
        // Acknowledged segments are not sent again: they must survive a power cut.
        part.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Checks that the incoming file <paramref name="id"/> has all its <paramref name="expectedCiphertextLength"/> bytes
    /// and authenticates end to end under its key, then — only if its plaintext's SHA-256 is
    /// <paramref name="expectedSha256"/>, the one the sender declared — keeps it as a complete file.
    /// </summary>
    /// <returns>The plaintext's SHA-256 and the lengths; a SHA-256 other than the expected one means the part was not kept as the file.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not an <see cref="EvidenceFileId"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedCiphertextLength"/> is shorter than any encrypted file.</exception>
    /// <exception cref="InvalidOperationException">The file is not being received, or bytes are still missing at its end (send the rest).</exception>
    /// <exception cref="AttachmentTamperedException">
    /// It is longer than expected or does not authenticate (a segment altered or never written); the part is left
    /// where it is, for the caller to ask for segments again or discard it.
    /// </exception>
    /// <exception cref="KeyStoreException">The key store is locked, or the key file was altered.</exception>
    public async Task<AttachmentSummary> CompleteIncomingAsync(string id, long expectedCiphertextLength, Sha256Digest expectedSha256, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expectedSha256);
        ArgumentOutOfRangeException.ThrowIfLessThan(expectedCiphertextLength, AttachmentFormat.HeaderLength + AttachmentFormat.TagLength);
        AttachmentSummary summary;
        await using (var part = OpenPart(id, FileAccess.Read))
        {
            if (part.Length < expectedCiphertextLength)
            {
                throw new InvalidOperationException(
                    $"Evidence file {id} is incomplete: {part.Length} of its {expectedCiphertextLength} encrypted bytes were received.");
            }

            if (part.Length > expectedCiphertextLength)
            {
                throw new AttachmentTamperedException(
                    AttachmentTamperReason.DataAfterLastSegment,
                    $"Evidence file {id} has {part.Length} encrypted bytes, more than the {expectedCiphertextLength} declared: a segment was written past its end.");
            }

            var fileKey = FileKey(id);
            try
            {
                // Every segment was checked on arrival, but only the whole, in order and to its last segment, proves the file.
                summary = await AttachmentCipher.DecryptAsync(part, Stream.Null, fileKey, EvidenceFileId.AssociatedData(id), cancellationToken);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(fileKey);
            }
        }

        if (summary.PlaintextSha256.Equals(expectedSha256))
        {
            File.Move(PartPath(id), CompletePath(id), overwrite: false);
        }

        return summary;
    }

    /// <summary>Deletes the complete evidence file <paramref name="id"/> and its key: one stored for a request that then refused it.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not an <see cref="EvidenceFileId"/>.</exception>
    public void Delete(string id)
    {
        if (Directory.Exists(_folder))
        {
            File.Delete(CompletePath(id));
            File.Delete(KeyPath(id));
        }
    }

    /// <summary>Gives up receiving evidence file <paramref name="id"/>: deletes what was received and its key, if anything.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not an <see cref="EvidenceFileId"/>.</exception>
    /// <exception cref="InvalidOperationException">The complete file is kept here: its key is not deleted with an incoming file's.</exception>
    public void DiscardIncoming(string id)
    {
        if (Exists(id))
        {
            throw new InvalidOperationException($"Evidence file {id} is complete; discarding an incoming file would delete its key.");
        }

        if (Directory.Exists(_folder))
        {
            File.Delete(PartPath(id));
            File.Delete(KeyPath(id));
        }
    }

    // Pinned, so the garbage collector never leaves a copy of a key behind in memory that is not zeroed.
    private static byte[] NewKeyBuffer() => GC.AllocateArray<byte>(AttachmentFormat.FileKeyLength, pinned: true);

    private FileStream OpenPart(string id, FileAccess access)
    {
        try
        {
            return new FileStream(PartPath(id), FileMode.Open, access, FileShare.None);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidOperationException($"Evidence file {id} is not being received here: it was never prepared, or was completed or discarded.", e);
        }
    }

    private void EnsureFolder()
    {
        // The data folder holds more than evidence: it is created as usual, only the files folder is the owner's alone.
        Directory.CreateDirectory(Path.GetDirectoryName(_folder)!);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(_folder);
            return;
        }

        // Evidence, even encrypted, is no one else's to list.
        Directory.CreateDirectory(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private string CompletePath(string id) => PathOf(id, ".mlfa");

    private string KeyPath(string id) => PathOf(id, ".key");

    private string PartPath(string id) => PathOf(id, ".part");

    private string PathOf(string id, string extension) => Path.Combine(_folder, EvidenceFileId.Require(id) + extension);
}
