using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using MlaFlow.Messaging.Keys;

namespace MlaFlow.Silo.Hosting;

/// <summary>
/// What seals the authorities' private keys: <c>MlaFlow:Keys:Passphrase</c> or <c>MlaFlow:Keys:Kek</c> (32 bytes,
/// base64), from the environment or a settings file. Never from the command line: shell history and process
/// listings would keep it.
/// </summary>
public static class KeyProtectionSettings
{
    public const string PassphraseKey = "MlaFlow:Keys:Passphrase";
    public const string KekKey = "MlaFlow:Keys:Kek";

    /// <summary>How to configure either, for messages: environment variable names, as they are meant to be set.</summary>
    public const string Hint = "set MlaFlow__Keys__Passphrase (at least 12 characters) or MlaFlow__Keys__Kek (32 bytes, base64) in the environment";

    /// <summary>The configured protection, or null when neither key is set. The caller disposes it.</summary>
    /// <param name="configuration">The node's whole configuration.</param>
    /// <param name="commandLineArgs">The configuration arguments given on the command line, checked for secrets.</param>
    /// <exception cref="InvalidOperationException">Both are set, a value is malformed, or one was given on the command line.</exception>
    public static KeyProtection? From(IConfiguration configuration, IEnumerable<string> commandLineArgs)
    {
        var commandLine = new ConfigurationBuilder().AddCommandLine([.. commandLineArgs]).Build();
        foreach (var key in (string[])[PassphraseKey, KekKey])
        {
            if (commandLine[key] is not null)
            {
                throw new InvalidOperationException(
                    $"{key} was given on the command line, where shell history and process listings keep it; set {key.Replace(":", "__", StringComparison.Ordinal)} in the environment instead.");
            }
        }

        var (passphrase, kek) = (configuration[PassphraseKey], configuration[KekKey]);
        return (string.IsNullOrEmpty(passphrase), string.IsNullOrEmpty(kek)) switch
        {
            (true, true) => null,
            (false, false) => throw new InvalidOperationException($"Both {PassphraseKey} and {KekKey} are set; the key store is sealed under one of them."),
            (false, true) => Passphrase(passphrase!),
            _ => Kek(kek!),
        };
    }

    private static KeyProtection Passphrase(string passphrase)
    {
        try
        {
            return KeyProtection.Passphrase(passphrase);
        }
        catch (ArgumentException)
        {
            throw new InvalidOperationException($"{PassphraseKey} is shorter than {KeyProtection.MinimumPassphraseLength} characters.");
        }
    }

    private static KeyProtection Kek(string base64)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{KekKey} is not base64.");
        }

        try
        {
            return bytes.Length == KeyProtection.KeyEncryptionKeyLength ? KeyProtection.KeyEncryptionKey(bytes)
                : throw new InvalidOperationException($"{KekKey} is {bytes.Length} bytes; a key-encryption key is {KeyProtection.KeyEncryptionKeyLength} bytes (e.g. `openssl rand -base64 32`).");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}
