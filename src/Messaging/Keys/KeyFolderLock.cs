namespace MlaFlow.Messaging.Keys;

/// <summary>
/// An exclusive lock on a data folder's keys (<c>keys/.lock</c>), held by whatever changes them. The key store and the
/// peer directory read their files when they open and write them back when changed, so two changes at once — two
/// <c>keys</c> commands run together — would each write what it read plus its own change, and one change would be lost.
/// Held, the second waits for the first, then reads what it wrote. Advisory: an operating-system file lock that
/// MlaFlow's processes take; it is released when the holder exits, however it exits.
/// </summary>
public sealed class KeyFolderLock : IDisposable
{
    /// <summary>The lock file's name in the key folder.</summary>
    public const string FileName = ".lock";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private readonly FileStream _file;

    private KeyFolderLock(FileStream file) => _file = file;

    /// <summary>Takes the lock on <paramref name="dataPath"/>'s keys, waiting at most <paramref name="wait"/> for another holder to finish.</summary>
    /// <param name="dataPath">The data folder whose keys are locked.</param>
    /// <param name="wait">How long to wait for another holder, by <paramref name="time"/>.</param>
    /// <param name="time">Measures the wait.</param>
    /// <exception cref="KeyStoreException">Another holder kept it longer than <paramref name="wait"/>.</exception>
    public static KeyFolderLock Acquire(string dataPath, TimeSpan wait, TimeProvider time)
    {
        var folder = Path.Combine(Path.GetFullPath(dataPath), KeyStore.FolderName);
        KeyFiles.EnsureFolder(folder);
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var started = time.GetTimestamp();
        while (true)
        {
            try
            {
                return new KeyFolderLock(new FileStream(Path.Combine(folder, FileName), options));
            }
            catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
            {
                if (time.GetElapsedTime(started) >= wait)
                {
                    throw new KeyStoreException($"Another command has been changing the keys in {folder} for over {wait.TotalSeconds:0} s; try again when it has finished.");
                }

                Thread.Sleep(Poll);
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
