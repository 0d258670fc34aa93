using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace MlaFlow.Silo.Hosting;

/// <summary>
/// The key that signs this node's API tokens: <c>MlaFlow:Auth:SigningKey</c> (base64) when configured,
/// otherwise a random key generated once into the data folder, readable by its owner only.
/// </summary>
public static class SigningKeyStore
{
    public const string FileName = "token-signing.key";

    /// <exception cref="InvalidOperationException">The configured key is not base64, or too short.</exception>
    public static SigningKey Load(IConfiguration configuration, string dataPath)
    {
        var options = SettingsSection.Read(configuration, AuthOptions.Section, new AuthOptions.Validator());
        if (options.SigningKey is { Length: > 0 } configured)
        {
            return new SigningKey(Convert.FromBase64String(configured), Generated: false);
        }

        var file = Path.Combine(dataPath, FileName);
        if (!File.Exists(file))
        {
            CreateKeyFile(file);
        }

        return new SigningKey(Convert.FromBase64String(File.ReadAllText(file).Trim()), Generated: true);
    }

    // Written to a temporary file and moved into place, so a crash never leaves a half-written key,
    // and two processes starting together end up with one key.
    private static void CreateKeyFile(string file)
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
