using Dapper;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Runtime.Storage;
using NodaTime;

namespace MlaFlow.Runtime.Exchange;

/// <summary>
/// The envelopes this node accepted from other nodes, in table <c>exchange_inbox</c> (migration 0002): each kept as it
/// arrived, beside the header fields an auditor reads, under the key (sender, message id). The key does the replay
/// protection's real work: of two deliveries of one message — a replay, a sender's retry, two nodes of this deployment
/// taking the same message at once — the database lets exactly one insert, so the envelope opener's
/// <see cref="ContainsAsync"/> is only the early answer and <see cref="RecordAsync"/>'s result is the final one.
/// </summary>
public sealed class ExchangeInbox(Database database, IClock clock) : IExchangeInbox
{
    /// <inheritdoc />
    public async Task<bool> RecordAsync(EnvelopeHeader header, ReadOnlyMemory<byte> envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(header);
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
        await using var connection = await database.OpenAsync(cancellationToken);
        // The conflict target is named, so only a second delivery of the same message is ignored.
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO exchange_inbox (sender_authority, message_id, recipient_authority, request_id, message_type, created_at, received_at, envelope)
            VALUES (@Sender, @MessageId, @Recipient, @RequestId, @MessageType, @CreatedAt, @ReceivedAt, @Envelope)
            ON CONFLICT (sender_authority, message_id) DO NOTHING
            """, row, cancellationToken: cancellationToken));
        return inserted == 1;
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

    private static object Key(AuthorityId sender, string messageId)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(messageId);
        return new { Sender = sender.Value, MessageId = messageId };
    }
}
