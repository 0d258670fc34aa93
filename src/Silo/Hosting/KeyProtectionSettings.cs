using System.Security.Cryptography;
using MlaFlow.Messaging.Keys;

namespace MlaFlow.Silo.Hosting;

/// <summary>
/// What seals the authorities' private keys: <c>MlaFlow:Keys:Passphrase</c> or <c>MlaFlow:Keys:Kek</c> (32 bytes,
/// base64), from the environment or a settings file (<see cref="KeysOptions"/>). Never from the command line: shell
/// history and process listings would keep it. With neither, an embedded node uses the key it generates
/// (<see cref="GeneratedKek"/>).
/// </summary>
public static class KeyProtectionSettings
{
    /// <summary>How to configure either, for messages: environment variable names, as they are meant to be set.</summary>
    public const string Hint = "set MlaFlow__Keys__Passphrase (at least 12 characters) or MlaFlow__Keys__Kek (32 bytes, base64) in the environment";

    /// <summary>The configured protection, or null when neither key is set. The caller disposes it.</summary>
    /// <param name="configuration">The node's whole configuration.</param>
    /// <param name="commandLineArgs">The configuration arguments given on the command line, checked for secrets.</param>
    /// <exception cref="InvalidOperationException">Both are set, a value is malformed, or one was given on the command line.</exception>
    public static KeyProtection? From(IConfiguration configuration, IEnumerable<string> commandLineArgs)
    {
        var options = SettingsSection.Read(configuration, KeysOptions.Section, new KeysOptionsValidator(commandLineArgs));
        if (!string.IsNullOrEmpty(options.Passphrase))
        {
            return KeyProtection.Passphrase(options.Passphrase);
        }

        if (string.IsNullOrEmpty(options.Kek))
        {
            return null;
        }

        var bytes = Convert.FromBase64String(options.Kek);
        try
        {
            return KeyProtection.KeyEncryptionKey(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}
