using System.Security.Cryptography;
using MlaFlow.Messaging.Attachments;

namespace MlaFlow.Bench;

/// <summary>
/// The encrypted attachment on disk: written by one measurement, read back by the next. The file is created in
/// <paramref name="directory"/> on first use and deleted when this is disposed.
/// </summary>
internal sealed class ScratchAttachment(string directory) : IAsyncDisposable
{
    private FileStream? _file;

    /// <summary>Where the file is (or will be).</summary>
    public string Path { get; } = System.IO.Path.Combine(directory, $"mlaflow-bench-{Guid.NewGuid():N}.mlfa");

    /// <summary>The file key it is encrypted under.</summary>
    public byte[] FileKey { get; } = RandomNumberGenerator.GetBytes(AttachmentFormat.FileKeyLength);

    /// <summary>The plaintext's SHA-256 once the file holds an encrypted attachment, which decryption must reproduce.</summary>
    public Sha256Digest? PlaintextSha256 { get; set; }

    /// <summary>The file, open for reading and writing, positioned at its start.</summary>
    public FileStream Rewind()
    {
        // No FileStream buffer: the cipher reads and writes whole segments. DeleteOnClose removes the file on dispose.
        _file ??= new FileStream(Path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 0, FileOptions.DeleteOnClose);
        _file.Position = 0;
        return _file;
    }

    public ValueTask DisposeAsync() => _file?.DisposeAsync() ?? ValueTask.CompletedTask;
}
