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

        return new SigningKey(SecretFile.ReadOrCreate(Path.Combine(dataPath, FileName)), Generated: true);
    }
}
