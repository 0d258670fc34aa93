using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using MlaFlow.Plugins.Sdk;
using NodaTime;

namespace MlaFlow.Messaging.Keys;

/// <summary>
/// The key store's folder: <c>store.json</c> (how private keys are sealed) and <c>own/&lt;AUTHORITY&gt;.json</c>,
/// read and checked whole when the store opens, and written back one file at a time, atomically.
/// </summary>
internal static class KeyStoreFolder
{
    public const string StoreFileName = "store.json";
    public const string OwnFolderName = "own";
    public const string StoreFormat = "mlaflow-key-store/1";
    public const string OwnFormat = "mlaflow-own-keys/1";

    private const int SaltLength = 16;
    private const int MaxStoreFileBytes = 64 * 1024;
    // Below the floor a store.json was tampered with to make guessing cheap; above the ceiling, to make opening hang.
    private const int MinimumIterations = 1_000;
    private const int MaximumIterations = 10_000_000;
    private const int MaxPrivateKeyLength = 32;
    private const int MaxPublicKeyLength = 1952;

    private static readonly byte[] CheckContext = Encoding.ASCII.GetBytes("MlaFlow key store check v1");

    /// <summary>Writes <c>store.json</c> into <paramref name="folder"/>, creating the folder.</summary>
    public static void WriteStore(string folder, StoreDocument store)
    {
        KeyFiles.EnsureFolder(folder);
        KeyFiles.WriteAtomically(Path.Combine(folder, StoreFileName), KeyJson.Serialize(store));
    }

    /// <summary>Writes <paramref name="ring"/>'s authority file into <paramref name="folder"/>/own, replacing it.</summary>
    public static void WriteOwnKeys(string folder, OwnKeyRing ring)
    {
        var own = Path.Combine(folder, OwnFolderName);
        KeyFiles.EnsureFolder(folder);
        KeyFiles.EnsureFolder(own);
        var document = new KeysDocument<OwnKeyDocument>(
            OwnFormat, ring.Ring.Authority.Value, [.. ring.Ring.Keys.Select(k => OwnKeyDocument.From(k, ring.Sealed[k.Id]))]);
        KeyFiles.WriteAtomically(Path.Combine(own, $"{ring.Ring.Authority}.json"), KeyJson.Serialize(document));
    }

    /// <summary>The check value and parameters of <paramref name="path"/>, validated.</summary>
    /// <exception cref="KeyStoreException">Malformed or unreadable.</exception>
    public static StoreDocument ReadStore(string path)
    {
        try
        {
            var store = KeyJson.Deserialize<StoreDocument>(KeyFiles.ReadBounded(path, MaxStoreFileBytes, "a store file"));
            var problem = store.Format != StoreFormat ? $"format: '{store.Format}' is not {StoreFormat}"
                : store.Protection is not (KeyProtection.PassphraseMethod or KeyProtection.KekMethod) ? $"protection: '{store.Protection}' is not {KeyProtection.PassphraseMethod} or {KeyProtection.KekMethod}"
                : store.Protection == KeyProtection.PassphraseMethod && store.Iterations is not (>= MinimumIterations and <= MaximumIterations)
                    ? $"iterations: {store.Iterations} is not from {MinimumIterations} to {MaximumIterations}"
                : store.Protection == KeyProtection.PassphraseMethod && Base64Length(store.Salt) != SaltLength ? $"salt: not {SaltLength} bytes of base64"
                : Base64Length(store.Check) != SealingKey.Overhead ? "check: not a sealed check value"
                : null;
            KeyJson.ParseInstant(store.Created, "created");
            return problem is null ? store : throw new FormatException(problem);
        }
        catch (FormatException e)
        {
            throw new KeyStoreException($"{path}: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeyStoreException($"{path} cannot be read: {e.Message}", e);
        }
    }

    private static int Base64Length(string? text)
    {
        try
        {
            return text is null ? -1 : Convert.FromBase64String(text).Length;
        }
        catch (FormatException)
        {
            return -1;
        }
    }

    /// <summary>A new store's sealing key and <c>store.json</c> (not yet written): fresh salt, the check value sealed.</summary>
    public static (SealingKey, StoreDocument) Create(KeyProtection protection, IClock clock)
    {
        var passphrase = protection.Method == KeyProtection.PassphraseMethod;
        var salt = passphrase ? RandomNumberGenerator.GetBytes(SaltLength) : [];
        var sealingKey = protection.Derive(salt, protection.Iterations);
        var store = new StoreDocument(
            StoreFormat, protection.Method, passphrase ? protection.Iterations : null, passphrase ? Convert.ToBase64String(salt) : null,
            Convert.ToBase64String(sealingKey.Seal([], CheckContext)), KeyJson.Format(KeyStore.Now(clock)));
        return (sealingKey, store);
    }

    /// <summary>The sealing key of an existing store, once its check value opens under it.</summary>
    /// <exception cref="KeyStoreException">The protection is of the other kind, or not the store's.</exception>
    public static SealingKey Unlock(StoreDocument store, string folder, KeyProtection protection)
    {
        if (store.Protection != protection.Method)
        {
            throw new KeyStoreException($"The key store in {folder} is sealed under {Describe(store.Protection)}, but {Describe(protection.Method)} was given.");
        }

        var passphrase = store.Protection == KeyProtection.PassphraseMethod;
        var sealingKey = protection.Derive(passphrase ? Convert.FromBase64String(store.Salt!) : [], store.Iterations ?? 0);
        if (!sealingKey.TryOpen(Convert.FromBase64String(store.Check), CheckContext, []))
        {
            sealingKey.Dispose();
            throw new KeyStoreException($"The {Noun(store.Protection)} given does not open the key store in {folder}: it is not the one the store is sealed under.");
        }

        return sealingKey;
    }

    private static string Describe(string method) => $"a {Noun(method)}";

    private static string Noun(string method) => method == KeyProtection.PassphraseMethod ? "passphrase" : "key-encryption key";

    /// <summary>Every authority file, checked; with <paramref name="sealingKey"/>, every private key opened and matched too.</summary>
    /// <exception cref="KeyStoreException">A file is malformed, altered or unreadable.</exception>
    public static ImmutableDictionary<AuthorityId, OwnKeyRing> LoadOwnKeys(string folder, bool storeExists, SealingKey? sealingKey)
    {
        var own = Path.Combine(folder, OwnFolderName);
        var files = Directory.Exists(own) ? Directory.GetFiles(own, "*.json").Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count > 0 && !storeExists)
        {
            throw new KeyStoreException($"{own} holds keys but {Path.Combine(folder, StoreFileName)} is missing, so they cannot be opened.");
        }

        var rings = ImmutableDictionary.CreateBuilder<AuthorityId, OwnKeyRing>();
        Span<byte> privateKey = stackalloc byte[MaxPrivateKeyLength];
        Span<byte> derived = stackalloc byte[MaxPublicKeyLength];
        try
        {
            foreach (var file in files)
            {
                var ring = ReadOwnFile(file);
                if (sealingKey is not null)
                {
                    foreach (var key in ring.Ring.Keys)
                    {
                        CheckPair(file, sealingKey, key, ring.Sealed[key.Id], privateKey, derived);
                    }
                }

                rings.Add(ring.Ring.Authority, ring);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }

        return rings.ToImmutable();
    }

    private static OwnKeyRing ReadOwnFile(string path)
    {
        try
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var document = KeyJson.Deserialize<KeysDocument<OwnKeyDocument>>(KeyFiles.ReadBounded(path, KeyLimits.MaxKeyFileBytes, "a key file"));
            if (document.Format != OwnFormat)
            {
                throw new FormatException($"format: '{document.Format}' is not {OwnFormat}.");
            }

            if (!AuthorityId.TryParse(name, null, out var authority) || document.Authority != name)
            {
                throw new FormatException($"authority: '{document.Authority}' does not match the file name.");
            }

            if (document.Keys.Count > KeyLimits.MaxKeysPerAuthority)
            {
                throw new FormatException($"keys: {document.Keys.Count} keys; at most {KeyLimits.MaxKeysPerAuthority}.");
            }

            if (document.Keys.Any(k => k is null))
            {
                throw new FormatException("keys: an entry is null.");
            }

            var sealedKeys = ImmutableDictionary.CreateBuilder<KeyId, byte[]>();
            var keys = new List<AuthorityKey>();
            foreach (var entry in document.Keys)
            {
                var key = entry.ToPublic().ToKey(authority);
                var sealedKey = Base64Length(entry.SealedPrivateKey) == SealingKey.Overhead + key.PublicKey.Algorithm.PrivateKeyLength
                    ? Convert.FromBase64String(entry.SealedPrivateKey)
                    : throw new FormatException($"sealedPrivateKey of key {key.Id}: not a sealed {key.PublicKey.Algorithm.Name} private key.");
                keys.Add(key);
                sealedKeys[key.Id] = sealedKey;
            }

            return new OwnKeyRing(new KeyRing(authority, keys), sealedKeys.ToImmutable());
        }
        catch (FormatException e)
        {
            throw new KeyStoreException($"{path}: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeyStoreException($"{path} cannot be read: {e.Message}", e);
        }
    }

    // Every private key is opened once at start and matched to its public key, so a damaged or swapped key file
    // stops the node now rather than failing the first message that needs it.
    private static void CheckPair(string file, SealingKey sealingKey, AuthorityKey key, byte[] sealedPrivateKey, Span<byte> privateKeyBuffer, Span<byte> derivedBuffer)
    {
        var algorithm = key.PublicKey.Algorithm;
        var privateKey = privateKeyBuffer[..algorithm.PrivateKeyLength];
        var derived = derivedBuffer[..algorithm.PublicKeyLength];
        try
        {
            if (!sealingKey.TryOpen(sealedPrivateKey, OwnKeyRing.SealingContext(key.Authority, key.Id), privateKey))
            {
                throw new KeyStoreException($"{file}: the private key of {key.Id} does not open under this store's key; the file was altered or comes from another store.");
            }

            algorithm.DerivePublicKey(privateKey, derived);
            if (!CryptographicOperations.FixedTimeEquals(derived, key.PublicKey.Bytes))
            {
                throw new KeyStoreException($"{file}: the private key of {key.Id} does not belong to its public key.");
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }
}
