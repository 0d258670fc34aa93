using Dapper;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Plugins.Sdk;
using NodaTime;

namespace MlaFlow.Storage.Exchange;

/// <summary>
/// The envelopes this node accepted from other nodes, in table <c>exchange_inbox</c> (migration 0002): each kept as it
/// arrived, beside the header fields an auditor reads, under the key (sender, message id). The key does the replay
/// protection's real work: of two deliveries of one message — a replay, a sender's retry, two nodes of this deployment
/// taking the same message at once — the database lets exactly one insert, so the envelope opener's
/// <see cref="ContainsAsync"/> is only the early answer and <see cref="RecordAsync"/>'s result is the final one.
/// The files an envelope announces are rows of <c>exchange_transfers</c> (migration 0003), inserted in the envelope's
/// transaction; each advances one segment at a time from the segment it expects, so concurrent uploads need no lock.
/// </summary>
public sealed class ExchangeInbox(Database database, IClock clock) : IExchangeInbox
{
    /// <inheritdoc />
    public async Task<bool> RecordAsync(
        EnvelopeHeader header, ReadOnlyMemory<byte> envelope, IReadOnlyList<IncomingTransfer> transfers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(transfers);
        foreach (var transfer in transfers)
        {
            if (transfer.Sender != header.Sender || transfer.MessageId != header.MessageId || transfer.Recipient != header.Recipient)
            {
                throw new ArgumentException($"File {transfer.FileId} is announced by message {transfer.MessageId} from {transfer.Sender} to {transfer.Recipient}, not by this one.", nameof(transfers));
            }
        }

        var row = new
        {
            Sender = header.Sender.Value,
            header.MessageId,
            Recipient = header.Recipient.Value,
            header.RequestId,
            header.MessageType,
            CreatedAt = InstantText.Format(Instant.FromDateTimeOffset(header.CreatedAt)),
            ReceivedAt = InstantText.Format(clock.GetCurrentInstant()),
            Envelope = envelope.ToArray(),
        };
        var (connection, transaction) = await database.BeginAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            // The conflict target is named, so only a second delivery of the same message is ignored.
            var inserted = await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO exchange_inbox (sender_authority, message_id, recipient_authority, request_id, message_type, created_at, received_at, envelope)
                VALUES (@Sender, @MessageId, @Recipient, @RequestId, @MessageType, @CreatedAt, @ReceivedAt, @Envelope)
                ON CONFLICT (sender_authority, message_id) DO NOTHING
                """, row, transaction, cancellationToken: cancellationToken));
            if (inserted == 0)
            {
                // The first delivery recorded the files it announced; a second one may not add or change any.
                return false;
            }

            // No ON CONFLICT here: a file id taken already fails the insert, and with it the whole transaction.
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO exchange_transfers (file_id, sender_authority, message_id, recipient_authority, header, plaintext_length,
                                                ciphertext_length, segment_size, segment_count, sha256, next_segment, completed_at, failed)
                VALUES (@FileId, @Sender, @MessageId, @Recipient, @Header, @PlaintextLength,
                        @CiphertextLength, @SegmentSize, @SegmentCount, @Sha256, @NextSegment, @CompletedAt, @Failed)
                """, transfers.Select(TransferRow.Of).ToList(), transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
    }

    /// <inheritdoc />
    public async Task<bool> ContainsAsync(AuthorityId sender, string messageId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM exchange_inbox WHERE sender_authority = @Sender AND message_id = @MessageId",
            Key(sender, messageId), cancellationToken: cancellationToken)) > 0;
    }

    /// <inheritdoc />
    public async Task<byte[]?> FindAsync(AuthorityId sender, string messageId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<byte[]>(new CommandDefinition(
            "SELECT envelope FROM exchange_inbox WHERE sender_authority = @Sender AND message_id = @MessageId",
            Key(sender, messageId), cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<IncomingTransfer?> FindTransferAsync(string fileId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fileId);
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TransferRow>(new CommandDefinition(
            $"SELECT {TransferRow.Columns} FROM exchange_transfers WHERE file_id = @FileId",
            new { FileId = fileId }, cancellationToken: cancellationToken));
        return row?.ToTransfer();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IncomingTransfer>> TransfersAsync(AuthorityId sender, string messageId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TransferRow>(new CommandDefinition(
            $"SELECT {TransferRow.Columns} FROM exchange_transfers WHERE sender_authority = @Sender AND message_id = @MessageId ORDER BY file_id",
            Key(sender, messageId), cancellationToken: cancellationToken));
        return rows.Select(r => r.ToTransfer()).ToList();
    }

    /// <inheritdoc />
    public async Task<bool> AdvanceTransferAsync(string fileId, long segment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fileId);
        ArgumentOutOfRangeException.ThrowIfNegative(segment);
        await using var connection = await database.OpenAsync(cancellationToken);
        // Optimistic, like grain state's ETag: next_segment is the version an upload read, so of two uploads of one
        // segment the database lets exactly one UPDATE match. The bound keeps a transfer from running past its last segment.
        var advanced = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE exchange_transfers SET next_segment = @Next
            WHERE file_id = @FileId AND next_segment = @Segment AND next_segment < segment_count AND completed_at IS NULL AND failed IS NULL
            """, new { FileId = fileId, Segment = segment, Next = segment + 1 }, cancellationToken: cancellationToken));
        return advanced == 1;
    }

    /// <inheritdoc />
    public async Task CompleteTransferAsync(string fileId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fileId);
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            var completed = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE exchange_transfers SET completed_at = @Now
                WHERE file_id = @FileId AND next_segment = segment_count AND completed_at IS NULL AND failed IS NULL
                """, new { FileId = fileId, Now = InstantText.Format(clock.GetCurrentInstant()) }, cancellationToken: cancellationToken));
            if (completed == 1)
            {
                return;
            }
        }

        // Nothing matched: read the row only to say why, or to find it was completed already (a retry), which is no error.
        switch (await FindTransferAsync(fileId, cancellationToken))
        {
            case null:
                throw new InvalidOperationException($"No message announced file {fileId}.");
            case { IsComplete: true }:
                return;
            case { Failed: { } why }:
                throw new InvalidOperationException($"The transfer of file {fileId} was given up ({why}); it cannot complete.");
            case var transfer:
                throw new InvalidOperationException($"The transfer of file {fileId} has {transfer.NextSegment} of its {transfer.SegmentCount} segments; it cannot complete yet.");
        }
    }

    /// <inheritdoc />
    public async Task FailTransferAsync(string fileId, string why, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fileId);
        ArgumentException.ThrowIfNullOrWhiteSpace(why);
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            var failed = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE exchange_transfers SET failed = @Why WHERE file_id = @FileId AND completed_at IS NULL AND failed IS NULL",
                new { FileId = fileId, Why = why }, cancellationToken: cancellationToken));
            if (failed == 1)
            {
                return;
            }
        }

        // The first reason stands; a complete file was verified, and giving it up afterwards would contradict its record.
        switch (await FindTransferAsync(fileId, cancellationToken))
        {
            case null:
                throw new InvalidOperationException($"No message announced file {fileId}.");
            case { IsComplete: true }:
                throw new InvalidOperationException($"The transfer of file {fileId} is complete; it cannot be given up.");
        }
    }

    private static object Key(AuthorityId sender, string messageId)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(messageId);
        return new { Sender = sender.Value, MessageId = messageId };
    }

    /// <summary>A row of <c>exchange_transfers</c> as the ADO.NET providers give it: text, numbers and bytes.</summary>
    /// <remarks>
    /// A class with setters rather than a positional record: Dapper matches a constructor only on exact column types,
    /// and <c>segment_size</c> reads as a 64-bit integer from SQLite but a 32-bit one from PostgreSQL.
    /// </remarks>
    private sealed class TransferRow
    {
        public const string Columns =
            """
            file_id AS FileId, sender_authority AS Sender, message_id AS MessageId, recipient_authority AS Recipient, header AS Header,
            plaintext_length AS PlaintextLength, ciphertext_length AS CiphertextLength, segment_size AS SegmentSize,
            segment_count AS SegmentCount, sha256 AS Sha256, next_segment AS NextSegment, completed_at AS CompletedAt, failed AS Failed
            """;

        public required string FileId { get; init; }

        public required string Sender { get; init; }

        public required string MessageId { get; init; }

        public required string Recipient { get; init; }

        public required byte[] Header { get; init; }

        public long PlaintextLength { get; init; }

        public long CiphertextLength { get; init; }

        public int SegmentSize { get; init; }

        public long SegmentCount { get; init; }

        public required string Sha256 { get; init; }

        public long NextSegment { get; init; }

        public string? CompletedAt { get; init; }

        public string? Failed { get; init; }

        public static TransferRow Of(IncomingTransfer transfer) => new()
        {
            FileId = transfer.FileId,
            Sender = transfer.Sender.Value,
            MessageId = transfer.MessageId,
            Recipient = transfer.Recipient.Value,
            Header = transfer.Header,
            PlaintextLength = transfer.PlaintextLength,
            CiphertextLength = transfer.CiphertextLength,
            SegmentSize = transfer.SegmentSize,
            SegmentCount = transfer.SegmentCount,
            Sha256 = transfer.Sha256,
            NextSegment = transfer.NextSegment,
            CompletedAt = transfer.CompletedAt is { } at ? InstantText.Format(Instant.FromDateTimeOffset(at)) : null,
            Failed = transfer.Failed,
        };

        public IncomingTransfer ToTransfer() => new(
            FileId, AuthorityId.Parse(Sender), MessageId, AuthorityId.Parse(Recipient), Header, PlaintextLength, CiphertextLength,
            SegmentSize, SegmentCount, Sha256, NextSegment, CompletedAt is { } at ? InstantText.Parse(at).ToDateTimeOffset() : null, Failed);
    }
}
