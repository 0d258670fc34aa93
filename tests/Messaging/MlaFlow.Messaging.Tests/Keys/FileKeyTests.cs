using System.Security.Cryptography;
using MlaFlow.Messaging.Keys;

namespace MlaFlow.Messaging.Tests.Keys;

/// <summary>The keys of evidence files kept encrypted at rest, sealed under the key store's sealing key.</summary>
public sealed class FileKeyTests : IDisposable
{
    private const string FileId = "0123456789abcdef0123456789abcdef";
    private const string OtherFileId = "fedcba9876543210fedcba9876543210";

    private readonly KeyFolder _folder = new();
    private readonly byte[] _fileKey = RandomNumberGenerator.GetBytes(32);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void a_sealed_file_key_opens_to_the_same_bytes()
    {
        using var store = _folder.Open();
        var sealedKey = store.SealFileKey(FileId, _fileKey);

        var opened = new byte[32];
        store.OpenFileKey(FileId, sealedKey, opened);

        opened.ShouldBe(_fileKey);
        sealedKey.AsSpan().IndexOf(_fileKey).ShouldBe(-1);
    }

    [Fact]
    public void a_file_key_sealed_for_one_file_does_not_open_for_another()
    {
        using var store = _folder.Open();
        var sealedKey = store.SealFileKey(FileId, _fileKey);

        Should.Throw<KeyStoreException>(() => store.OpenFileKey(OtherFileId, sealedKey, new byte[32]))
            .Message.ShouldBe($"The key of evidence file {OtherFileId} does not open; its key file was altered or belongs to another node.");
    }

    [Fact]
    public void an_altered_sealed_file_key_does_not_open()
    {
        using var store = _folder.Open();
        var sealedKey = store.SealFileKey(FileId, _fileKey);
        sealedKey[^1] ^= 1;

        Should.Throw<KeyStoreException>(() => store.OpenFileKey(FileId, sealedKey, new byte[32]));
    }

    [Fact]
    public void a_file_key_sealed_by_another_store_does_not_open()
    {
        byte[] sealedKey;
        using (var otherFolder = new KeyFolder())
        using (var otherStore = otherFolder.Open())
        {
            sealedKey = otherStore.SealFileKey(FileId, _fileKey);
        }

        using var store = _folder.Open();

        Should.Throw<KeyStoreException>(() => store.OpenFileKey(FileId, sealedKey, new byte[32]));
    }

    [Fact]
    public void a_locked_store_neither_seals_nor_opens_file_keys()
    {
        byte[] sealedKey;
        using (var store = _folder.Open())
        {
            sealedKey = store.SealFileKey(FileId, _fileKey);
        }

        using var locked = _folder.OpenLocked();

        Should.Throw<KeyStoreException>(() => locked.SealFileKey(FileId, _fileKey)).Message.ShouldContain("without its passphrase or key-encryption key");
        Should.Throw<KeyStoreException>(() => locked.OpenFileKey(FileId, sealedKey, new byte[32]));
    }

    [Fact]
    public void file_keys_are_32_bytes()
    {
        using var store = _folder.Open();

        Should.Throw<ArgumentException>(() => store.SealFileKey(FileId, new byte[16]));
        Should.Throw<ArgumentException>(() => store.OpenFileKey(FileId, store.SealFileKey(FileId, _fileKey), new byte[16]));
    }

    [Fact]
    public void a_file_key_sealed_by_a_new_store_without_keys_opens_after_a_restart()
    {
        byte[] sealedKey;
        using (var protection = KeyProtection.Passphrase("correct horse battery", KeyFolder.TestIterations))
        using (var store = _folder.Open(protection))
        {
            sealedKey = store.SealFileKey(FileId, _fileKey);
        }

        using var again = KeyProtection.Passphrase("correct horse battery", KeyFolder.TestIterations);
        using var reopened = _folder.Open(again);
        var opened = new byte[32];
        reopened.OpenFileKey(FileId, sealedKey, opened);

        opened.ShouldBe(_fileKey);
        reopened.Authorities.ShouldBeEmpty();
    }
}
