using System.Runtime.Versioning;
using System.Security.Cryptography;
using MlaFlow.Messaging.Attachments;
using MlaFlow.Messaging.Files;
using MlaFlow.Messaging.Keys;

namespace MlaFlow.Messaging.Tests.Files;

/// <summary>Evidence files added on this node: kept only encrypted, read back whole, refused when altered.</summary>
public sealed class EvidenceFileStoreTests : IDisposable
{
    private readonly FileNode _node = new();

    public void Dispose() => _node.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(EvidenceFileStore.SegmentSize)]
    [InlineData(EvidenceFileStore.SegmentSize + 1)]
    [InlineData(3 * EvidenceFileStore.SegmentSize + 17)]
    public async Task an_added_file_decrypts_to_its_plaintext_and_reports_its_sha256(int length)
    {
        var (file, plaintext) = await _node.AddRandomAsync(length);

        EvidenceFileId.IsValid(file.Id).ShouldBeTrue();
        file.Size.ShouldBe(length);
        file.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(plaintext)));
        _node.Store.Exists(file.Id).ShouldBeTrue();
        _node.FileNames().ShouldBe([$"{file.Id}.key", $"{file.Id}.mlfa"]);
        (await _node.DecryptAsync(file.Id)).ShouldBe(plaintext);
    }

    [Fact]
    public async Task the_stored_file_holds_no_plaintext_and_is_an_encrypted_attachment()
    {
        var (file, plaintext) = await _node.AddRandomAsync(4096);

        var stored = await File.ReadAllBytesAsync(_node.PathOf(file.Id, ".mlfa"));

        stored.AsSpan(0, 4).SequenceEqual(AttachmentFormat.Magic).ShouldBeTrue();
        stored.Length.ShouldBe((int)new AttachmentLayout(plaintext.Length, EvidenceFileStore.SegmentSize).CiphertextLength);
        stored.AsSpan().IndexOf(plaintext.AsSpan(0, 64)).ShouldBe(-1);
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public async Task evidence_files_are_readable_by_their_owner_only()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes only.");
        var (file, _) = await _node.AddRandomAsync(10);

        File.GetUnixFileMode(_node.FilesFolder).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.GetUnixFileMode(_node.PathOf(file.Id, ".mlfa")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(_node.PathOf(file.Id, ".key")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task a_file_larger_than_allowed_is_refused_and_leaves_nothing_behind()
    {
        var plaintext = new MemoryStream(new byte[200_001]);

        var refused = await Should.ThrowAsync<EvidenceFileTooLargeException>(() => _node.Store.AddAsync(plaintext, maxBytes: 200_000));

        refused.MaxBytes.ShouldBe(200_000);
        _node.FileNames().ShouldBeEmpty();
    }

    [Fact]
    public async Task a_file_of_exactly_the_allowed_size_is_kept()
    {
        var file = await _node.Store.AddAsync(new MemoryStream(new byte[200_000]), maxBytes: 200_000);

        file.Size.ShouldBe(200_000);
    }

    [Fact]
    public async Task a_byte_flipped_in_a_stored_file_is_detected_when_it_is_decrypted()
    {
        var (file, _) = await _node.AddRandomAsync(EvidenceFileStore.SegmentSize + 100_000);
        var path = _node.PathOf(file.Id, ".mlfa");
        var bytes = await File.ReadAllBytesAsync(path);
        // In the second segment: past the first one and its tag.
        bytes[AttachmentFormat.HeaderLength + EvidenceFileStore.SegmentSize + AttachmentFormat.TagLength + 70_000] ^= 0x01;
        await File.WriteAllBytesAsync(path, bytes);

        var refused = await Should.ThrowAsync<AttachmentTamperedException>(() => _node.Store.DecryptAsync(file.Id, Stream.Null));

        refused.Reason.ShouldBe(AttachmentTamperReason.SegmentNotAuthentic);
        refused.SegmentIndex.ShouldBe(1);
    }

    [Fact]
    public async Task the_key_of_another_file_does_not_open_a_file()
    {
        var (first, _) = await _node.AddRandomAsync(100);
        var (second, _) = await _node.AddRandomAsync(100);
        File.Copy(_node.PathOf(second.Id, ".key"), _node.PathOf(first.Id, ".key"), overwrite: true);

        Should.Throw<KeyStoreException>(() => _node.Store.FileKey(first.Id)).Message.ShouldContain(first.Id);
        await Should.ThrowAsync<KeyStoreException>(() => _node.Store.DecryptAsync(first.Id, Stream.Null));
    }

    [Fact]
    public async Task the_ciphertext_read_back_is_the_stored_file()
    {
        var (file, _) = await _node.AddRandomAsync(5000);

        await using var ciphertext = _node.Store.OpenCiphertext(file.Id);
        using var copy = new MemoryStream();
        await ciphertext.CopyToAsync(copy);

        copy.ToArray().ShouldBe(await File.ReadAllBytesAsync(_node.PathOf(file.Id, ".mlfa")));
    }

    [Fact]
    public async Task an_unknown_file_is_not_found()
    {
        var id = EvidenceFileId.New();

        _node.Store.Exists(id).ShouldBeFalse();
        Should.Throw<EvidenceFileNotFoundException>(() => _node.Store.OpenCiphertext(id)).Id.ShouldBe(id);
        Should.Throw<EvidenceFileNotFoundException>(() => _node.Store.FileKey(id));
        await Should.ThrowAsync<EvidenceFileNotFoundException>(() => _node.Store.DecryptAsync(id, Stream.Null));
    }

    [Fact]
    public async Task a_store_whose_keys_are_locked_keeps_nothing()
    {
        using var keys = KeyStore.Open(_node.DataPath, protection: null, NodaTime.SystemClock.Instance);
        var store = new EvidenceFileStore(_node.DataPath, keys);

        store.IsAvailable.ShouldBeFalse();
        _node.Store.IsAvailable.ShouldBeTrue();
        await Should.ThrowAsync<KeyStoreException>(() => store.AddAsync(new MemoryStream([1, 2, 3]), maxBytes: 10));
        _node.FileNames().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("../../keys/store.json")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("0123456789abcdef0123456789abcde")]
    [InlineData("0123456789abcdef0123456789abcdef0")]
    [InlineData("0123456789abcdef/123456789abcdef")]
    [InlineData("")]
    public async Task an_id_that_is_not_32_lower_case_hex_digits_is_refused_everywhere(string id)
    {
        var store = _node.Store;

        EvidenceFileId.IsValid(id).ShouldBeFalse();
        Should.Throw<ArgumentException>(() => EvidenceFileId.AssociatedData(id));
        Should.Throw<ArgumentException>(() => store.Exists(id));
        Should.Throw<ArgumentException>(() => store.OpenCiphertext(id));
        Should.Throw<ArgumentException>(() => store.FileKey(id));
        await Should.ThrowAsync<ArgumentException>(() => store.DecryptAsync(id, Stream.Null));
        Should.Throw<ArgumentException>(() => store.PrepareIncoming(id, new byte[AttachmentFormat.FileKeyLength], new byte[AttachmentFormat.HeaderLength]));
        await Should.ThrowAsync<ArgumentException>(() => store.WriteSegmentAsync(id, AttachmentFormat.HeaderLength, new byte[20]));
        await Should.ThrowAsync<ArgumentException>(() => store.CompleteIncomingAsync(id, 200, Sha256Digest.Of([])));
        Should.Throw<ArgumentException>(() => store.DiscardIncoming(id));
        _node.FileNames().ShouldBeEmpty();
    }
}
