using System.Security.Cryptography;
using MlaFlow.Messaging.Attachments;
using MlaFlow.Messaging.Files;

namespace MlaFlow.Messaging.Tests.Files;

/// <summary>
/// An evidence file received from another node, segment by segment: it is kept only once every segment is there and
/// the whole authenticates, and it is then the very ciphertext the sender keeps.
/// </summary>
public sealed class IncomingFileTests : IDisposable
{
    private const int Length = 3 * EvidenceFileStore.SegmentSize + 1000;

    private readonly FileNode _sender = new();
    private readonly FileNode _receiver = new();

    public void Dispose()
    {
        _sender.Dispose();
        _receiver.Dispose();
    }

    [Fact]
    public async Task a_file_received_segment_by_segment_is_kept_and_decrypts_to_the_senders_plaintext()
    {
        var sent = await SendAsync();

        var summary = await ReceiveAsync(sent);

        summary.PlaintextSha256.ToString().ShouldBe(sent.File.Sha256);
        summary.PlaintextLength.ShouldBe(Length);
        _receiver.Store.Exists(sent.File.Id).ShouldBeTrue();
        _receiver.FileNames().ShouldBe([$"{sent.File.Id}.key", $"{sent.File.Id}.mlfa"]);
        (await _receiver.DecryptAsync(sent.File.Id)).ShouldBe(sent.Plaintext);
        (await File.ReadAllBytesAsync(_receiver.PathOf(sent.File.Id, ".mlfa"))).ShouldBe(sent.Ciphertext);
    }

    [Fact]
    public async Task the_received_key_is_sealed_by_the_receivers_own_store()
    {
        var sent = await SendAsync();
        await ReceiveAsync(sent);

        var receivedKey = await File.ReadAllBytesAsync(_receiver.PathOf(sent.File.Id, ".key"));
        var sendersKey = await File.ReadAllBytesAsync(_sender.PathOf(sent.File.Id, ".key"));

        receivedKey.ShouldNotBe(sendersKey);
        _receiver.Store.FileKey(sent.File.Id).ShouldBe(sent.Key);
    }

    [Fact]
    public async Task segments_written_twice_or_out_of_order_make_the_same_file()
    {
        var sent = await SendAsync();
        _receiver.Store.PrepareIncoming(sent.File.Id, sent.Key, sent.Ciphertext.AsSpan(0, AttachmentFormat.HeaderLength));

        foreach (var index in (long[])[3, 1, 0, 1, 2, 3])
        {
            await WriteSegmentAsync(sent, index);
        }

        (await _receiver.Store.CompleteIncomingAsync(sent.File.Id, sent.Layout.CiphertextLength, Sha256Digest.Parse(sent.File.Sha256))).PlaintextSha256.ToString().ShouldBe(sent.File.Sha256);
    }

    [Fact]
    public async Task a_file_missing_its_last_segment_is_incomplete_and_can_still_be_completed()
    {
        var sent = await SendAsync();
        await WriteSegmentsAsync(sent, skip: sent.Layout.SegmentCount - 1);

        await Should.ThrowAsync<InvalidOperationException>(() => _receiver.Store.CompleteIncomingAsync(sent.File.Id, sent.Layout.CiphertextLength, Sha256Digest.Parse(sent.File.Sha256)));
        _receiver.Store.Exists(sent.File.Id).ShouldBeFalse();

        await WriteSegmentAsync(sent, sent.Layout.SegmentCount - 1);
        (await _receiver.Store.CompleteIncomingAsync(sent.File.Id, sent.Layout.CiphertextLength, Sha256Digest.Parse(sent.File.Sha256))).PlaintextLength.ShouldBe(Length);
    }

    [Fact]
    public async Task a_file_missing_a_segment_in_the_middle_does_not_authenticate_and_is_not_kept()
    {
        var sent = await SendAsync();
        await WriteSegmentsAsync(sent, skip: 1);

        var refused = await Should.ThrowAsync<AttachmentTamperedException>(
            () => _receiver.Store.CompleteIncomingAsync(sent.File.Id, sent.Layout.CiphertextLength, Sha256Digest.Parse(sent.File.Sha256)));

        refused.SegmentIndex.ShouldBe(1);
        _receiver.Store.Exists(sent.File.Id).ShouldBeFalse();
        File.Exists(_receiver.PathOf(sent.File.Id, ".part")).ShouldBeTrue();
    }

    [Fact]
    public async Task a_byte_flipped_in_a_received_segment_is_detected_and_the_file_is_not_kept()
    {
        var sent = await SendAsync();
        sent.Ciphertext[sent.Layout.SegmentOffset(2) + 5] ^= 0x80;

        await Should.ThrowAsync<AttachmentTamperedException>(() => ReceiveAsync(sent));

        _receiver.Store.Exists(sent.File.Id).ShouldBeFalse();
        _receiver.FileNames().ShouldBe([$"{sent.File.Id}.key", $"{sent.File.Id}.part"]);
    }

    [Fact]
    public async Task a_file_longer_than_declared_is_refused()
    {
        var sent = await SendAsync();
        await WriteSegmentsAsync(sent);
        await _receiver.Store.WriteSegmentAsync(sent.File.Id, sent.Layout.CiphertextLength, new byte[1]);

        var refused = await Should.ThrowAsync<AttachmentTamperedException>(
            () => _receiver.Store.CompleteIncomingAsync(sent.File.Id, sent.Layout.CiphertextLength, Sha256Digest.Parse(sent.File.Sha256)));

        refused.Reason.ShouldBe(AttachmentTamperReason.DataAfterLastSegment);
        _receiver.Store.Exists(sent.File.Id).ShouldBeFalse();
    }

    [Fact]
    public async Task preparing_again_starts_the_file_over()
    {
        var sent = await SendAsync();
        var stray = sent with { Ciphertext = [.. sent.Ciphertext] };
        stray.Ciphertext[stray.Layout.SegmentOffset(0)] ^= 1;
        await WriteSegmentsAsync(stray);

        await ReceiveAsync(sent);

        (await _receiver.DecryptAsync(sent.File.Id)).ShouldBe(sent.Plaintext);
    }

    [Fact]
    public async Task a_complete_file_is_neither_prepared_again_nor_discarded()
    {
        var sent = await SendAsync();
        await ReceiveAsync(sent);

        Should.Throw<InvalidOperationException>(() => _receiver.Store.PrepareIncoming(sent.File.Id, sent.Key, sent.Ciphertext.AsSpan(0, AttachmentFormat.HeaderLength)));
        Should.Throw<InvalidOperationException>(() => _receiver.Store.DiscardIncoming(sent.File.Id));
        (await _receiver.DecryptAsync(sent.File.Id)).ShouldBe(sent.Plaintext);
    }

    [Fact]
    public async Task a_discarded_file_leaves_nothing_and_takes_no_more_segments()
    {
        var sent = await SendAsync();
        await WriteSegmentsAsync(sent);

        _receiver.Store.DiscardIncoming(sent.File.Id);
        _receiver.Store.DiscardIncoming(sent.File.Id);

        _receiver.FileNames().ShouldBeEmpty();
        await Should.ThrowAsync<InvalidOperationException>(() => WriteSegmentAsync(sent, 0));
        await Should.ThrowAsync<InvalidOperationException>(() => _receiver.Store.CompleteIncomingAsync(sent.File.Id, sent.Layout.CiphertextLength, Sha256Digest.Parse(sent.File.Sha256)));
    }

    [Fact]
    public async Task a_segment_is_never_written_over_the_header()
    {
        var sent = await SendAsync();
        _receiver.Store.PrepareIncoming(sent.File.Id, sent.Key, sent.Ciphertext.AsSpan(0, AttachmentFormat.HeaderLength));

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => _receiver.Store.WriteSegmentAsync(sent.File.Id, 0, new byte[10]));
    }

    /// <summary>A file the sender node stored, with what its envelope and transfer carry: key and ciphertext.</summary>
    private async Task<SentFile> SendAsync()
    {
        var (file, plaintext) = await _sender.AddRandomAsync(Length);
        await using var stream = _sender.Store.OpenCiphertext(file.Id);
        using var ciphertext = new MemoryStream();
        await stream.CopyToAsync(ciphertext);
        return new SentFile(file, plaintext, _sender.Store.FileKey(file.Id), ciphertext.ToArray(), new AttachmentLayout(Length, EvidenceFileStore.SegmentSize));
    }

    /// <summary>Everything a receiver does for <paramref name="sent"/>: prepare, write every segment in order, complete.</summary>
    private async Task<AttachmentSummary> ReceiveAsync(SentFile sent)
    {
        await WriteSegmentsAsync(sent);
        return await _receiver.Store.CompleteIncomingAsync(sent.File.Id, sent.Layout.CiphertextLength, Sha256Digest.Parse(sent.File.Sha256));
    }

    /// <summary>Prepares <paramref name="sent"/> and writes its segments in order, but <paramref name="skip"/>.</summary>
    private async Task WriteSegmentsAsync(SentFile sent, long? skip = null)
    {
        _receiver.Store.PrepareIncoming(sent.File.Id, sent.Key, sent.Ciphertext.AsSpan(0, AttachmentFormat.HeaderLength));
        for (long index = 0; index < sent.Layout.SegmentCount; index++)
        {
            if (index != skip)
            {
                await WriteSegmentAsync(sent, index);
            }
        }
    }

    private Task WriteSegmentAsync(SentFile sent, long index)
    {
        var offset = sent.Layout.SegmentOffset(index);
        return _receiver.Store.WriteSegmentAsync(sent.File.Id, offset, sent.Ciphertext.AsMemory((int)offset, sent.Layout.SegmentLength(index)));
    }

    private sealed record SentFile(StoredFile File, byte[] Plaintext, byte[] Key, byte[] Ciphertext, AttachmentLayout Layout);
}
