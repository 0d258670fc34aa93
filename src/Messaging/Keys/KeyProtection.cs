using System.Security.Cryptography;
using System.Text;

namespace MlaFlow.Messaging.Keys;

/// <summary>
/// What private keys are sealed under: a passphrase (stretched with PBKDF2-SHA256 and a random salt kept in
/// the store) or a 32-byte key-encryption key from configuration, used as the AES-256-GCM key itself.
/// Holds the secret until disposed; never prints it.
/// </summary>
public sealed class KeyProtection : IDisposable
{
    /// <summary>Shortest passphrase accepted, in characters.</summary>
    public const int MinimumPassphraseLength = 12;

    /// <summary>Bytes in a key-encryption key.</summary>
    public const int KeyEncryptionKeyLength = 32;

    // OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256; the count is stored, so it can be raised later.
    internal const int DefaultIterations = 600_000;

    internal const string PassphraseMethod = "pbkdf2-sha256";
    internal const string KekMethod = "kek";

    private readonly byte[]? _passphrase;
    private readonly byte[]? _kek;

    private KeyProtection(byte[]? passphrase, byte[]? kek, int iterations) => (_passphrase, _kek, Iterations) = (passphrase, kek, iterations);

    /// <summary><c>pbkdf2-sha256</c> or <c>kek</c>, as <c>store.json</c> records it.</summary>
    public string Method => _kek is null ? PassphraseMethod : KekMethod;

    /// <summary>PBKDF2 iterations for a store created with this protection (an existing store keeps its own count).</summary>
    internal int Iterations { get; }

    /// <summary>Private keys sealed under <paramref name="passphrase"/> (its UTF-8 bytes, exactly as given).</summary>
    /// <exception cref="ArgumentException">Shorter than <see cref="MinimumPassphraseLength"/> characters.</exception>
    public static KeyProtection Passphrase(string passphrase) => Passphrase(passphrase, DefaultIterations);

    /// <summary>As <see cref="Passphrase(string)"/>, with fewer iterations for tests, which create many stores.</summary>
    internal static KeyProtection Passphrase(string passphrase, int iterations)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        return passphrase.Length >= MinimumPassphraseLength ? new KeyProtection(Encoding.UTF8.GetBytes(passphrase), null, iterations)
            : throw new ArgumentException($"A key store passphrase has at least {MinimumPassphraseLength} characters.", nameof(passphrase));
    }

    /// <summary>Private keys sealed under a 32-byte key-encryption key; the bytes are copied.</summary>
    /// <exception cref="ArgumentException">Not 32 bytes.</exception>
    public static KeyProtection KeyEncryptionKey(ReadOnlySpan<byte> kek) =>
        kek.Length == KeyEncryptionKeyLength ? new KeyProtection(null, kek.ToArray(), 0)
        : throw new ArgumentException($"A key-encryption key is {KeyEncryptionKeyLength} bytes, not {kek.Length}.", nameof(kek));

    /// <summary>The AES-256-GCM key the store's private keys are sealed under.</summary>
    internal SealingKey Derive(ReadOnlySpan<byte> salt, int iterations)
    {
        var key = GC.AllocateArray<byte>(SealingKey.Length, pinned: true);
        if (_kek is not null)
        {
            _kek.CopyTo(key, 0);
        }
        else
        {
            Rfc2898DeriveBytes.Pbkdf2(_passphrase!, salt, key, iterations, HashAlgorithmName.SHA256);
        }

        return new SealingKey(key);
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_passphrase);
        CryptographicOperations.ZeroMemory(_kek);
    }

    public override string ToString() => $"key protection ({Method})";
}
