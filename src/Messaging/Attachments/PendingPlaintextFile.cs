namespace MlaFlow.Messaging.Attachments;

/// <summary>
/// A file that takes its final name only once committed: written under a temporary name in the destination's
/// directory (same file system, so the final move is a rename) and deleted if never committed. Keeps a receiver from
/// ever exposing a partly decrypted attachment under the name it will be known by.
/// </summary>
internal sealed class PendingPlaintextFile : IAsyncDisposable
{
    private readonly string temporaryPath;
    private readonly string destinationPath;
    private readonly FileStream stream;
    private bool committed;

    private PendingPlaintextFile(string temporaryPath, string destinationPath, FileStream stream)
    {
        this.temporaryPath = temporaryPath;
        this.destinationPath = destinationPath;
        this.stream = stream;
    }

    /// <summary>Where to write the plaintext.</summary>
    public Stream Stream => stream;

    /// <summary>Creates the temporary file for <paramref name="destinationPath"/>, which must not exist yet.</summary>
    /// <exception cref="IOException">The destination exists, or the temporary file cannot be created.</exception>
    public static PendingPlaintextFile Create(string destinationPath)
    {
        var destination = Path.GetFullPath(destinationPath);
        // Checked early so a long decryption is not wasted; the move at the end refuses to overwrite all the same.
        if (File.Exists(destination))
            throw new IOException($"'{destination}' already exists; a decrypted attachment never replaces a file.");

        var directory = Path.GetDirectoryName(destination) ?? throw new IOException($"'{destination}' has no directory.");
        var temporary = Path.Combine(directory, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.partial");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        // Decrypted evidence: nobody but the owner reads it, not even while it is being written.
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new PendingPlaintextFile(temporary, destination, new FileStream(temporary, options));
    }

    /// <summary>Flushes the file to disk and moves it to its destination.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        // Durable before it is visible: a crash after the rename must not leave a destination with missing bytes.
        stream.Flush(flushToDisk: true);
        await stream.DisposeAsync().ConfigureAwait(false);
        File.Move(temporaryPath, destinationPath, overwrite: false);
        committed = true;
    }

    /// <summary>Closes the file and deletes it unless it was committed.</summary>
    public async ValueTask DisposeAsync()
    {
        await stream.DisposeAsync().ConfigureAwait(false);
        if (!committed)
            File.Delete(temporaryPath);
    }
}
