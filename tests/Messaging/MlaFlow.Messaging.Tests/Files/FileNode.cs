using System.Security.Cryptography;
using MlaFlow.Messaging.Files;
using MlaFlow.Messaging.Keys;
using NodaTime;

namespace MlaFlow.Messaging.Tests.Files;

/// <summary>
/// One node's evidence files: a temporary data folder of its own, with a key store sealed under a random
/// key-encryption key, removed afterwards. Two of them are two nodes that share nothing but what a test hands over.
/// </summary>
internal sealed class FileNode : IDisposable
{
    private readonly KeyStore _keys;

    public FileNode()
    {
        DataPath = Directory.CreateTempSubdirectory("mlaflow-files-").FullName;
        using var protection = KeyProtection.KeyEncryptionKey(RandomNumberGenerator.GetBytes(KeyProtection.KeyEncryptionKeyLength));
        _keys = KeyStore.Open(DataPath, protection, SystemClock.Instance);
        Store = new EvidenceFileStore(DataPath, _keys);
    }

    public string DataPath { get; }

    public EvidenceFileStore Store { get; }

    public string FilesFolder => Path.Combine(DataPath, EvidenceFileStore.FolderName);

    public string PathOf(string id, string extension) => Path.Combine(FilesFolder, id + extension);

    /// <summary>The names in the files folder, none if it does not exist.</summary>
    public IReadOnlyList<string> FileNames() =>
        Directory.Exists(FilesFolder) ? [.. Directory.GetFiles(FilesFolder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)] : [];

    public async Task<(StoredFile File, byte[] Plaintext)> AddRandomAsync(int length)
    {
        var plaintext = RandomNumberGenerator.GetBytes(length);
        return (await Store.AddAsync(new MemoryStream(plaintext), maxBytes: length), plaintext);
    }

    public async Task<byte[]> DecryptAsync(string id)
    {
        using var plaintext = new MemoryStream();
        await Store.DecryptAsync(id, plaintext);
        return plaintext.ToArray();
    }

    public void Dispose()
    {
        _keys.Dispose();
        Directory.Delete(DataPath, recursive: true);
    }
}
