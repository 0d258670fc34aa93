using Microsoft.Extensions.Options;
using MlaFlow.Messaging.Keys;

namespace MlaFlow.Silo.Hosting;

/// <summary>
/// Refuses key protection the node cannot use — both secrets set, a short passphrase, a key-encryption key that is not
/// 32 bytes of base64 — and either secret given on the command line, where shell history and process listings keep it.
/// </summary>
/// <param name="commandLineArgs">The configuration arguments the process was given on its command line.</param>
public sealed class KeysOptionsValidator(IEnumerable<string> commandLineArgs) : IValidateOptions<KeysOptions>
{
    public const string PassphraseKey = $"{KeysOptions.Section}:Passphrase";
    public const string KekKey = $"{KeysOptions.Section}:Kek";

    public ValidateOptionsResult Validate(string? name, KeysOptions options)
    {
        var commandLine = new ConfigurationBuilder().AddCommandLine([.. commandLineArgs]).Build();
        var failures = ((string[])[PassphraseKey, KekKey])
            .Where(key => commandLine[key] is not null)
            .Select(key => $"{key} was given on the command line, where shell history and process listings keep it; set {key.Replace(":", "__", StringComparison.Ordinal)} in the environment instead.")
            .ToList();
        var (passphrase, kek) = (options.Passphrase, options.Kek);
        if (!string.IsNullOrEmpty(passphrase) && !string.IsNullOrEmpty(kek))
        {
            failures.Add($"Both {PassphraseKey} and {KekKey} are set; the key store is sealed under one of them.");
        }
        else if (!string.IsNullOrEmpty(passphrase) && passphrase.Length < KeyProtection.MinimumPassphraseLength)
        {
            failures.Add($"{PassphraseKey} is shorter than {KeyProtection.MinimumPassphraseLength} characters.");
        }
        else if (!string.IsNullOrEmpty(kek) && KekProblem(kek) is { } problem)
        {
            failures.Add(problem);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? KekProblem(string base64)
    {
        var bytes = new byte[(base64.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(base64, bytes, out var length))
        {
            return $"{KekKey} is not base64.";
        }

        System.Security.Cryptography.CryptographicOperations.ZeroMemory(bytes);
        return length == KeyProtection.KeyEncryptionKeyLength ? null
            : $"{KekKey} is {length} bytes; a key-encryption key is {KeyProtection.KeyEncryptionKeyLength} bytes (e.g. `openssl rand -base64 32`).";
    }
}
