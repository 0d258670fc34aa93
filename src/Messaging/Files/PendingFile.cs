namespace MlaFlow.Messaging.Files;

/// <summary>
/// A file that takes its final name only once committed: written under a temporary name beside it (same file system,
/// so the final move is a rename), readable by the owner only on Unix from the moment it exists, flushed to disk before
/// the rename, and deleted if never committed. A crash thus leaves the old file or the new one, never half of either.
/// </summary>
internal sealed class PendingFile : IDisposable
{
    private readonly string _temporaryPath;
    private readonly string _path;
    private readonly FileStream _stream;
    private bool _committed;

    private PendingFile(string temporaryPath, string path, FileStream stream) =>
        (_temporaryPath, _path, _stream) = (temporaryPath, path, stream);

    /// <summary>Where to write the contents.</summary>
    public Stream Stream => _stream;

    /// <summary>Creates the temporary file for <paramref name="path"/>, whose folder must exist.</summary>
    public static PendingFile Create(string path)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new PendingFile(temporary, path, new FileStream(temporary, options));
    }

    /// <summary>Replaces (or creates) <paramref name="path"/> with <paramref name="contents"/>.</summary>
    public static void Write(string path, ReadOnlySpan<byte> contents)
    {
        using var pending = Create(path);
        pending.Stream.Write(contents);
        pending.Commit(overwrite: true);
    }

    /// <summary>Flushes the file to disk and moves it to its final name.</summary>
    /// <exception cref="IOException">The final name exists and <paramref name="overwrite"/> is false, or the file system failed.</exception>
    public void Commit(bool overwrite)
    {
        // Durable before it is visible: after a power cut the final name must not show a file with missing bytes.
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        File.Move(_temporaryPath, _path, overwrite);
        _committed = true;
    }

    /// <summary>Closes the file and deletes it unless it was committed.</summary>
    public void Dispose()
    {
        _stream.Dispose();
        if (!_committed)
        {
            File.Delete(_temporaryPath);
        }
    }
}
