using System.Security.Cryptography;
using MlaFlow.Messaging.Keys;
using MlaFlow.Storage;
using NodaTime;

namespace MlaFlow.Silo.Hosting;

/// <summary>
/// The key-encryption key an embedded node makes for itself when no passphrase or key-encryption key is configured, so
/// that its key store and file store work at once: <c>&lt;data&gt;/key-encryption.key</c>, readable by its owner only.
/// Kept beside the data it seals, it protects nothing against whoever takes the disk, which the node says at start;
/// production sets <c>MlaFlow__Keys__Kek</c> or <c>MlaFlow__Keys__Passphrase</c>. Never on PostgreSQL: the nodes of a
/// deployment share their keys' secret, which one node cannot make for the others.
/// </summary>
public static class GeneratedKek
{
    public const string FileName = "key-encryption.key";

    public static string PathIn(string dataPath) => Path.Combine(dataPath, FileName);

    /// <summary>
    /// The generated key of <paramref name="node"/>'s data folder, made if missing; null on PostgreSQL, and when the key
    /// store already holds keys sealed by another secret (only that one opens them, and the node says so).
    /// </summary>
    public static KeyProtection? For(NodeSettings node)
    {
        if (node.Storage.Kind != StorageProvider.Sqlite)
        {
            return null;
        }

        var file = PathIn(node.DataPath);
        if (!File.Exists(file))
        {
            using var store = KeyStore.Open(node.DataPath, null, SystemClock.Instance);
            if (store.Authorities.Count > 0)
            {
                return null;
            }
        }

        var bytes = SecretFile.ReadOrCreate(file);
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
