using System.Data.Common;
using System.Security.Cryptography;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using MlaFlow.Messaging.Attachments;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Storage;
using MlaFlow.Storage.Exchange;
using MlaFlow.Testing;
using NodaTime;
using static MlaFlow.Storage.Tests.Exchange.TwoAuthorities;

namespace MlaFlow.Storage.Tests.Exchange;

/// <summary>
/// What the exchange inbox must do on every database: keep each accepted envelope as it arrived, take each message
/// (sender, message id) once, and answer the envelope opener's replay question; record the files a message announces
/// with it, and advance each file's transfer one segment at a time, from the segment it expects. Run once per database by the derived
/// classes, on real envelopes sealed between China's and Thailand's keys.
/// </summary>
public abstract class ExchangeInboxContract(StorageKind kind) : DatabaseTest(kind)
{
    private TwoAuthorities _authorities = null!;

    protected override Task StartAsync()
    {
        _authorities = new TwoAuthorities(Clock);
        return Task.CompletedTask;
    }

    protected override Task StopAsync()
    {
        _authorities?.Dispose();
        return Task.CompletedTask;
    }

    [SkippableFact]
    public async Task an_accepted_envelope_is_kept_as_it_arrived_beside_its_header_fields()
    {
        var inbox = await MigratedInboxAsync();
        var (header, wire) = _authorities.Seal(China, "CN-MOJ-2026-000017/m1");
        Time.Advance(TimeSpan.FromSeconds(3));

        (await inbox.RecordAsync(header, wire, [])).ShouldBeTrue();

        (await inbox.ContainsAsync(China, "CN-MOJ-2026-000017/m1")).ShouldBeTrue();
        (await inbox.FindAsync(China, "CN-MOJ-2026-000017/m1")).ShouldBe(wire);
        (await RowsAsync()).ShouldBe([new InboxRow("CN-MOJ", "CN-MOJ-2026-000017/m1", "TH-OAG", "CN-MOJ-2026-000017", "request",
            "2026-03-02T09:00:00.0000000Z", "2026-03-02T09:00:03.0000000Z")]);
    }

    [SkippableFact]
    public async Task a_message_never_accepted_is_neither_contained_nor_found()
    {
        var inbox = await MigratedInboxAsync();
        var (header, wire) = _authorities.Seal(China, "CN-MOJ-2026-000017/m1");
        await inbox.RecordAsync(header, wire, []);

        (await inbox.ContainsAsync(China, "CN-MOJ-2026-000017/m2")).ShouldBeFalse();
        (await inbox.FindAsync(China, "CN-MOJ-2026-000017/m2")).ShouldBeNull();
    }

    [SkippableFact]
    public async Task recording_a_message_again_returns_false_and_keeps_the_first_arrival()
    {
        var inbox = await MigratedInboxAsync();
        var (first, firstWire) = _authorities.Seal(China, "CN-MOJ-2026-000017/m1", "the original");
        await inbox.RecordAsync(first, firstWire, []);
        var rowsBefore = await RowsAsync();
        Time.Advance(TimeSpan.FromMinutes(1));
        var (again, againWire) = _authorities.Seal(China, "CN-MOJ-2026-000017/m1", "sealed anew under the same message id");

        (await inbox.RecordAsync(again, againWire, [])).ShouldBeFalse();

        (await inbox.FindAsync(China, "CN-MOJ-2026-000017/m1")).ShouldBe(firstWire);
        (await RowsAsync()).ShouldBe(rowsBefore);
    }

    [SkippableFact]
    public async Task the_same_message_id_from_another_sender_is_another_message()
    {
        var inbox = await MigratedInboxAsync();
        var (fromChina, chinaWire) = _authorities.Seal(China, "m1");
        var (fromThailand, thailandWire) = _authorities.Seal(Thailand, "m1");

        (await inbox.RecordAsync(fromChina, chinaWire, [])).ShouldBeTrue();
        (await inbox.RecordAsync(fromThailand, thailandWire, [])).ShouldBeTrue();

        (await inbox.FindAsync(China, "m1")).ShouldBe(chinaWire);
        (await inbox.FindAsync(Thailand, "m1")).ShouldBe(thailandWire);
        (await RowsAsync()).Select(r => (r.Sender, r.Recipient)).ShouldBe([("CN-MOJ", "TH-OAG"), ("TH-OAG", "CN-MOJ")]);
    }

    [SkippableFact]
    public async Task of_racing_records_of_one_message_exactly_one_inserts()
    {
        // Two nodes of one deployment, or one node given the same message twice at once: the primary key decides.
        var inboxes = new[] { await MigratedInboxAsync(), new ExchangeInbox(Database.Open(), Clock) };
        var (header, wire) = _authorities.Seal(China, "CN-MOJ-2026-000017/m1");

        var records = Enumerable.Range(0, 8).Select(i => Task.Run(() => inboxes[i % 2].RecordAsync(header, wire, [])));

        (await Task.WhenAll(records)).Count(inserted => inserted).ShouldBe(1);
        (await RowsAsync()).Count.ShouldBe(1);
    }

    [SkippableFact]
    public async Task an_envelope_in_the_inbox_is_refused_as_replayed_when_it_arrives_again()
    {
        var inbox = await MigratedInboxAsync();
        var opener = _authorities.OpenerOf(Thailand, inbox);
        var (_, wire) = _authorities.Seal(China, "CN-MOJ-2026-000017/m1");
        var opened = await opener.OpenAsync(EnvelopeJson.Parse(wire));
        await inbox.RecordAsync(opened.Header, wire, []);

        var again = () => opener.OpenAsync(EnvelopeJson.Parse(wire));

        (await again.ShouldThrowAsync<EnvelopeRefusedException>()).Reason.ShouldBe(EnvelopeRefusal.Replayed);
    }

    [SkippableFact]
    public async Task the_inbox_migrations_apply_on_a_database_an_older_release_made()
    {
        var runner = new MigrationRunner(Database.Open(), Clock, NullLogger<MigrationRunner>.Instance);
        (await runner.ApplyAsync(throughVersion: 1)).ShouldBe([1]);
        await ExecuteAsync(
            """
            INSERT INTO grain_state (grain_type, grain_key, state_type, state_version, etag, payload, owner, created_at, updated_at)
            VALUES ('request', 'CN-MOJ-2026-000001', 'request', 1, 1, '{}', 'CN-MOJ', '2026-01-05T09:00:00.0000000Z', '2026-01-05T09:00:00.0000000Z')
            """);

        (await runner.ApplyAsync()).ShouldBe([2, 3, 4, 5, 6]);
        (await runner.ApplyAsync()).ShouldBeEmpty();

        (await ScalarAsync("SELECT COUNT(*) FROM grain_state")).ShouldBe(1);
        (await ScalarAsync("SELECT COUNT(*) FROM schema_migrations")).ShouldBe(6);
        var (header, wire) = _authorities.Seal(China, "CN-MOJ-2026-000017/m1");
        (await new ExchangeInbox(Database.Open(), Clock).RecordAsync(header, wire, [Transfer(header, FileA)])).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task the_files_an_envelope_announces_are_recorded_with_it_as_transfers_not_yet_begun()
    {
        var inbox = await MigratedInboxAsync();
        var (header, wire) = _authorities.Seal(China, "CN-MOJ-2026-000017/m1");
        var (statement, video) = (Transfer(header, FileB, segmentCount: 1), Transfer(header, FileA, segmentCount: 40));

        (await inbox.RecordAsync(header, wire, [statement, video])).ShouldBeTrue();

        (await inbox.FindAsync(China, "CN-MOJ-2026-000017/m1")).ShouldBe(wire);
        var found = await inbox.FindTransferAsync(FileA);
        found.ShouldBe(video);
        found!.NextSegment.ShouldBe(0);
        found.IsComplete.ShouldBeFalse();
        (await inbox.TransfersAsync(China, "CN-MOJ-2026-000017/m1")).ShouldBe([video, statement]);
    }

    [SkippableFact]
    public async Task a_second_delivery_of_a_message_records_none_of_the_files_it_announces()
    {
        var inbox = await MigratedInboxAsync();
        var (header, wire) = _authorities.Seal(China, "CN-MOJ-2026-000017/m1");
        var first = Transfer(header, FileA);
        await inbox.RecordAsync(header, wire, [first]);

        (await inbox.RecordAsync(header, wire, [Transfer(header, FileA, segmentCount: 9), Transfer(header, FileB)])).ShouldBeFalse();

        (await inbox.FindTransferAsync(FileB)).ShouldBeNull();
        (await inbox.TransfersAsync(China, "CN-MOJ-2026-000017/m1")).ShouldBe([first]);
    }

    [SkippableFact]
    public async Task an_envelope_whose_file_cannot_be_recorded_is_not_recorded_either()
    {
        var inbox = await MigratedInboxAsync();
        var (earlier, earlierWire) = _authorities.Seal(China, "CN-MOJ-2026-000017/m1");
        await inbox.RecordAsync(earlier, earlierWire, [Transfer(earlier, FileA)]);
        var rowsBefore = await RowsAsync();
        var (header, wire) = _authorities.Seal(China, "CN-MOJ-2026-000017/m2");

        // FileA is the earlier message's: the second file's insert fails after the envelope's and the first file's.
        var record = () => inbox.RecordAsync(header, wire, [Transfer(header, FileB), Transfer(header, FileA)]);

        await record.ShouldThrowAsync<DbException>();
        (await inbox.ContainsAsync(China, "CN-MOJ-2026-000017/m2")).ShouldBeFalse();
        (await RowsAsync()).ShouldBe(rowsBefore);
        (await inbox.FindTransferAsync(FileB)).ShouldBeNull();
        (await inbox.FindTransferAsync(FileA))!.MessageId.ShouldBe("CN-MOJ-2026-000017/m1");
        (await inbox.RecordAsync(header, wire, [Transfer(header, FileB)])).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task a_file_announced_for_another_message_is_refused_before_anything_is_recorded()
    {
        var inbox = await MigratedInboxAsync();
        var (header, wire) = _authorities.Seal(China, "CN-MOJ-2026-000017/m1");
        var (other, _) = _authorities.Seal(China, "CN-MOJ-2026-000017/m2");

        var record = () => inbox.RecordAsync(header, wire, [Transfer(other, FileA)]);

        await record.ShouldThrowAsync<ArgumentException>();
        (await RowsAsync()).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task a_transfer_advances_only_from_the_segment_it_expects_next()
    {
        var inbox = await InboxWithTransferAsync(segmentCount: 3);

        (await inbox.AdvanceTransferAsync(FileA, 0)).ShouldBeTrue();
        (await inbox.AdvanceTransferAsync(FileA, 0)).ShouldBeFalse();
        (await inbox.AdvanceTransferAsync(FileA, 2)).ShouldBeFalse();
        (await inbox.AdvanceTransferAsync(FileA, 1)).ShouldBeTrue();

        (await inbox.FindTransferAsync(FileA))!.NextSegment.ShouldBe(2);
    }

    [SkippableFact]
    public async Task of_racing_uploads_of_one_segment_exactly_one_advances_the_transfer()
    {
        var inboxes = new[] { await InboxWithTransferAsync(segmentCount: 3), new ExchangeInbox(Database.Open(), Clock) };

        var uploads = Enumerable.Range(0, 8).Select(i => Task.Run(() => inboxes[i % 2].AdvanceTransferAsync(FileA, 0)));

        (await Task.WhenAll(uploads)).Count(advanced => advanced).ShouldBe(1);
        (await inboxes[0].FindTransferAsync(FileA))!.NextSegment.ShouldBe(1);
    }

    [SkippableFact]
    public async Task a_transfer_completes_only_once_its_last_segment_is_in_and_then_takes_no_more()
    {
        var inbox = await InboxWithTransferAsync(segmentCount: 2);
        await inbox.AdvanceTransferAsync(FileA, 0);
        var early = () => inbox.CompleteTransferAsync(FileA);
        await early.ShouldThrowAsync<InvalidOperationException>();
        (await inbox.AdvanceTransferAsync(FileA, 1)).ShouldBeTrue();
        (await inbox.AdvanceTransferAsync(FileA, 2)).ShouldBeFalse();
        Time.Advance(TimeSpan.FromMinutes(5));

        await inbox.CompleteTransferAsync(FileA);
        Time.Advance(TimeSpan.FromMinutes(1));
        await inbox.CompleteTransferAsync(FileA);

        var transfer = (await inbox.FindTransferAsync(FileA))!;
        transfer.IsComplete.ShouldBeTrue();
        transfer.CompletedAt.ShouldBe(new DateTimeOffset(2026, 3, 2, 9, 5, 0, TimeSpan.Zero));
        var giveUp = () => inbox.FailTransferAsync(FileA, "too late");
        await giveUp.ShouldThrowAsync<InvalidOperationException>();
        (await inbox.FindTransferAsync(FileA))!.Failed.ShouldBeNull();
    }

    [SkippableFact]
    public async Task a_failed_transfer_takes_no_more_segments_and_never_completes()
    {
        var inbox = await InboxWithTransferAsync(segmentCount: 1);
        await inbox.AdvanceTransferAsync(FileA, 0);

        await inbox.FailTransferAsync(FileA, "SHA-256 of the plaintext does not match the declared one");
        await inbox.FailTransferAsync(FileA, "a second reason");

        (await inbox.AdvanceTransferAsync(FileA, 1)).ShouldBeFalse();
        var complete = () => inbox.CompleteTransferAsync(FileA);
        await complete.ShouldThrowAsync<InvalidOperationException>();
        var transfer = (await inbox.FindTransferAsync(FileA))!;
        transfer.Failed.ShouldBe("SHA-256 of the plaintext does not match the declared one");
        transfer.IsComplete.ShouldBeFalse();
    }

    [SkippableFact]
    public async Task a_file_no_message_announced_has_no_transfer_to_advance_complete_or_fail()
    {
        var inbox = await InboxWithTransferAsync(segmentCount: 1);

        (await inbox.FindTransferAsync(FileB)).ShouldBeNull();
        (await inbox.AdvanceTransferAsync(FileB, 0)).ShouldBeFalse();
        var complete = () => inbox.CompleteTransferAsync(FileB);
        await complete.ShouldThrowAsync<InvalidOperationException>();
        var fail = () => inbox.FailTransferAsync(FileB, "unknown");
        await fail.ShouldThrowAsync<InvalidOperationException>();
        (await inbox.TransfersAsync(China, "CN-MOJ-2026-000017/m2")).ShouldBeEmpty();
    }

    private const string FileA = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private const string FileB = "f9e8d7c6b5a4938271605f4e3d2c1b0a";

    // A file of 1 KiB segments, as its envelope would announce it; the header is random bytes of the MLFA header's length.
    private static IncomingTransfer Transfer(EnvelopeHeader header, string fileId, long segmentCount = 3)
    {
        const int segmentSize = AttachmentFormat.MinSegmentSize;
        var plaintext = segmentCount * segmentSize;
        return new IncomingTransfer(
            fileId, header.Sender, header.MessageId, header.Recipient, RandomNumberGenerator.GetBytes(AttachmentFormat.HeaderLength),
            plaintext, AttachmentFormat.HeaderLength + plaintext + segmentCount * AttachmentFormat.TagLength, segmentSize, segmentCount,
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));
    }

    // An inbox holding one message from China that announced FileA.
    private async Task<ExchangeInbox> InboxWithTransferAsync(long segmentCount)
    {
        var inbox = await MigratedInboxAsync();
        var (header, wire) = _authorities.Seal(China, "CN-MOJ-2026-000017/m1");
        await inbox.RecordAsync(header, wire, [Transfer(header, FileA, segmentCount)]);
        return inbox;
    }

    private async Task<ExchangeInbox> MigratedInboxAsync()
    {
        await new MigrationRunner(Database.Open(), Clock, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        return new ExchangeInbox(Database.Open(), Clock);
    }

    // The table as an auditor reads it with psql or sqlite3.
    private async Task<List<InboxRow>> RowsAsync()
    {
        await using var connection = await Database.Open().OpenAsync();
        var rows = await connection.QueryAsync<InboxRow>(
            """
            SELECT sender_authority AS Sender, message_id AS MessageId, recipient_authority AS Recipient, request_id AS RequestId,
                   message_type AS MessageType, created_at AS CreatedAt, received_at AS ReceivedAt
            FROM exchange_inbox ORDER BY sender_authority, message_id
            """);
        return rows.ToList();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await Database.Open().OpenAsync();
        await connection.ExecuteAsync(sql);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await Database.Open().OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private sealed record InboxRow(string Sender, string MessageId, string Recipient, string RequestId, string MessageType, string CreatedAt, string ReceivedAt);
}
