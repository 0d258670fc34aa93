using System.Security.Cryptography;

namespace MlaFlow.Silo.Hosting;

/// <summary>
/// A random secret the node makes for itself into its data folder when none is configured: 32 bytes, base64, readable
/// by its owner only. Written to a temporary file and moved into place, so a crash never leaves a half-written secret
/// and two processes starting together end up with one.
/// </summary>
internal static class SecretFile
{
    public static byte[] ReadOrCreate(string file)
    {
        if (!File.Exists(file))
        {
            Create(file);
        }

        return Convert.FromBase64String(File.ReadAllText(file).Trim());
    }

    private static void Create(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = $"{file}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, options))
        {
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }

        try
        {
            File.Move(temporary, file, overwrite: false);
        }
        catch (IOException) when (File.Exists(file))
        {
            File.Delete(temporary);
        }
    }
}
