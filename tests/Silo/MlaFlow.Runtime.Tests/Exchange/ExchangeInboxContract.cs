using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Runtime.Exchange;
using MlaFlow.Runtime.Storage;
using MlaFlow.Testing;
using NodaTime;
using static MlaFlow.Runtime.Tests.Exchange.TwoAuthorities;

namespace MlaFlow.Runtime.Tests.Exchange;

/// <summary>
/// What the exchange inbox must do on every database: keep each accepted envelope as it arrived, take each message
/// (sender, message id) once, and answer the envelope opener's replay question. Run once per database by the derived
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
        Clock.Advance(Duration.FromSeconds(3));

        (await inbox.RecordAsync(header, wire)).ShouldBeTrue();

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
        await inbox.RecordAsync(header, wire);

        (await inbox.ContainsAsync(China, "CN-MOJ-2026-000017/m2")).ShouldBeFalse();
        (await inbox.FindAsync(China, "CN-MOJ-2026-000017/m2")).ShouldBeNull();
    }

    [SkippableFact]
    public async Task recording_a_message_again_returns_false_and_keeps_the_first_arrival()
    {
        var inbox = await MigratedInboxAsync();
        var (first, firstWire) = _authorities.Seal(China, "CN-MOJ-2026-000017/m1", "the original");
        await inbox.RecordAsync(first, firstWire);
        var rowsBefore = await RowsAsync();
        Clock.Advance(Duration.FromMinutes(1));
        var (again, againWire) = _authorities.Seal(China, "CN-MOJ-2026-000017/m1", "sealed anew under the same message id");

        (await inbox.RecordAsync(again, againWire)).ShouldBeFalse();

        (await inbox.FindAsync(China, "CN-MOJ-2026-000017/m1")).ShouldBe(firstWire);
        (await RowsAsync()).ShouldBe(rowsBefore);
    }

    [SkippableFact]
    public async Task the_same_message_id_from_another_sender_is_another_message()
    {
        var inbox = await MigratedInboxAsync();
        var (fromChina, chinaWire) = _authorities.Seal(China, "m1");
        var (fromThailand, thailandWire) = _authorities.Seal(Thailand, "m1");

        (await inbox.RecordAsync(fromChina, chinaWire)).ShouldBeTrue();
        (await inbox.RecordAsync(fromThailand, thailandWire)).ShouldBeTrue();

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

        var records = Enumerable.Range(0, 8).Select(i => Task.Run(() => inboxes[i % 2].RecordAsync(header, wire)));

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
        await inbox.RecordAsync(opened.Header, wire);

        var again = () => opener.OpenAsync(EnvelopeJson.Parse(wire));

        (await again.ShouldThrowAsync<EnvelopeRefusedException>()).Reason.ShouldBe(EnvelopeRefusal.Replayed);
    }

    [SkippableFact]
    public async Task the_inbox_migration_applies_on_a_database_an_older_release_made()
    {
        var runner = new MigrationRunner(Database.Open(), Clock, NullLogger<MigrationRunner>.Instance);
        (await runner.ApplyAsync(throughVersion: 1)).ShouldBe([1]);
        await ExecuteAsync(
            """
            INSERT INTO grain_state (grain_type, grain_key, state_type, state_version, etag, payload, owner, created_at, updated_at)
            VALUES ('request', 'CN-MOJ-2026-000001', 'request', 1, 1, '{}', 'CN-MOJ', '2026-01-05T09:00:00.0000000Z', '2026-01-05T09:00:00.0000000Z')
            """);

        (await runner.ApplyAsync()).ShouldBe([2]);
        (await runner.ApplyAsync()).ShouldBeEmpty();

        (await ScalarAsync("SELECT COUNT(*) FROM grain_state")).ShouldBe(1);
        (await ScalarAsync("SELECT COUNT(*) FROM schema_migrations")).ShouldBe(2);
        var (header, wire) = _authorities.Seal(China, "CN-MOJ-2026-000017/m1");
        (await new ExchangeInbox(Database.Open(), Clock).RecordAsync(header, wire)).ShouldBeTrue();
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
