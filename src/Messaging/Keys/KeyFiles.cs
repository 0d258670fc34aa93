namespace MlaFlow.Messaging.Keys;

/// <summary>
/// How key files reach the disk: folders 0700, files 0600 from the moment they exist, each file written
/// whole to a temporary name and renamed over the old one, so a crash leaves the old file or the new one,
/// never half of either. Reads are bounded.
/// </summary>
internal static class KeyFiles
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;

    /// <summary>
    /// Creates <paramref name="folder"/> readable by its owner only, or tightens it if it exists. Missing parents
    /// (the data folder) are created as usual: they hold more than keys.
    /// </summary>
    public static void EnsureFolder(string folder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(folder))!);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        Directory.CreateDirectory(folder, OwnerOnlyFolder);
        File.SetUnixFileMode(folder, OwnerOnlyFolder);
    }

    /// <summary>Replaces <paramref name="path"/> with <paramref name="contents"/> atomically; its folder must exist.</summary>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> contents)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(contents);
                // On disk before the rename makes it the file, or a power cut could leave an empty key file.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The bytes of <paramref name="path"/>, refusing a file larger than <paramref name="maxBytes"/> without reading it.</summary>
    /// <exception cref="KeyStoreException">The file is too large.</exception>
    public static byte[] ReadBounded(string path, int maxBytes, string what)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (stream.Length > maxBytes)
        {
            throw new KeyStoreException($"{path} is {stream.Length} bytes; {what} is at most {maxBytes} bytes.");
        }

        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
