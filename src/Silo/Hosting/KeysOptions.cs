namespace MlaFlow.Silo.Hosting;

/// <summary>
/// Configuration section <c>MlaFlow:Keys</c>: what seals the authorities' private keys, one of the two, from the
/// environment or a settings file (<see cref="KeysOptionsValidator"/>, <see cref="KeyProtectionSettings"/>).
/// </summary>
public sealed class KeysOptions
{
    public const string Section = "MlaFlow:Keys";

    /// <summary>A passphrase of at least 12 characters, stretched with PBKDF2.</summary>
    public string? Passphrase { get; set; }

    /// <summary>A 32-byte key-encryption key, base64.</summary>
    public string? Kek { get; set; }
}
