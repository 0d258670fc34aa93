using System.Data.Common;
using System.Globalization;
using Dapper;
using MlaFlow.Runtime.Auditing;
using MlaFlow.Runtime.Grains;
using MlaFlow.Runtime.State;
using NodaTime;

namespace MlaFlow.Runtime.Storage;

/// <summary>
/// Reads and writes grain state rows. A write is one transaction: the row (guarded by its ETag, a
/// counter bumped on each write) and the audit record. If two activations of one grain — on two
/// nodes, say — write from the same ETag, the database lets exactly one UPDATE match; the other
/// matches no row and gets <see cref="InconsistentStateException"/>, so no update is ever lost.
/// </summary>
public sealed class GrainStateStore(Database database, StateSerializer serializer, AuditChain auditChain, IClock clock)
{
    public async Task<StoredState<TState>?> ReadAsync<TState>(GrainId grain, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StateRow>(new CommandDefinition(
            """
            SELECT state_type AS StateType, state_version AS StateVersion, etag AS ETag, payload AS Payload
            FROM grain_state WHERE grain_type = @Type AND grain_key = @Key
            """,
            new { grain.Type, grain.Key }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new StoredState<TState>(serializer.Deserialize<TState>(row.StateType, row.StateVersion, row.Payload), row.ETag.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The ETag of the stored row, or null when there is none: a cheap check that a copy is still current.</summary>
    public async Task<string?> ReadETagAsync(GrainId grain, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var etag = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT etag FROM grain_state WHERE grain_type = @Type AND grain_key = @Key",
            new { grain.Type, grain.Key }, cancellationToken: cancellationToken));
        return etag?.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Writes <paramref name="state"/> over the row read with <paramref name="etag"/> (null: the row must not exist yet) and returns the new ETag.</summary>
    public async Task<string> WriteAsync(GrainId grain, object state, string? etag, AuditEntry audit, CancellationToken cancellationToken = default)
    {
        var descriptor = StateSerializer.Describe(state.GetType());
        var payload = serializer.Serialize(state);
        var columns = (state as IQueryableState)?.Columns;
        var now = InstantText.Format(clock.GetCurrentInstant());
        var row = new
        {
            grain.Type,
            grain.Key,
            StateType = descriptor.Name,
            StateVersion = (long)descriptor.Version,
            Payload = payload,
            columns?.Owner,
            columns?.Kind,
            columns?.Status,
            columns?.RequestingState,
            columns?.RequestedState,
            Deadline = columns?.Deadline is { } deadline ? InstantText.Format(deadline) : null,
            columns?.ExternalKey,
            Now = now,
            Expected = ParseETag(grain, etag),
        };

        var (connection, transaction) = await database.BeginAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            // ON CONFLICT DO NOTHING also covers the unique external key: a second request with the
            // same Idempotency-Key, racing on another node, inserts nothing and is reported stale.
            var changed = etag is null
                ? await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO grain_state (grain_type, grain_key, state_type, state_version, etag, payload, owner, kind, status,
                                             requesting_state, requested_state, deadline_at, external_key, created_at, updated_at)
                    VALUES (@Type, @Key, @StateType, @StateVersion, 1, @Payload, @Owner, @Kind, @Status,
                            @RequestingState, @RequestedState, @Deadline, @ExternalKey, @Now, @Now)
                    ON CONFLICT DO NOTHING
                    """, row, transaction, cancellationToken: cancellationToken))
                : await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE grain_state
                    SET state_type = @StateType, state_version = @StateVersion, etag = etag + 1, payload = @Payload,
                        owner = @Owner, kind = @Kind, status = @Status, requesting_state = @RequestingState,
                        requested_state = @RequestedState, deadline_at = @Deadline, external_key = @ExternalKey, updated_at = @Now
                    WHERE grain_type = @Type AND grain_key = @Key AND etag = @Expected
                    """, row, transaction, cancellationToken: cancellationToken));
            if (changed == 0)
            {
                throw new InconsistentStateException(grain, etag);
            }

            await auditChain.AppendAsync(connection, transaction, audit, AuditChain.Sha256Hex(payload), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return ((row.Expected ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Deletes the row read with <paramref name="etag"/>, recording <paramref name="audit"/>.</summary>
    public async Task ClearAsync(GrainId grain, string etag, AuditEntry audit, CancellationToken cancellationToken = default)
    {
        var (connection, transaction) = await database.BeginAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            var deleted = await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM grain_state WHERE grain_type = @Type AND grain_key = @Key AND etag = @Expected",
                new { grain.Type, grain.Key, Expected = ParseETag(grain, etag) }, transaction, cancellationToken: cancellationToken));
            if (deleted == 0)
            {
                throw new InconsistentStateException(grain, etag);
            }

            await auditChain.AppendAsync(connection, transaction, audit, AuditChain.Sha256Hex(""), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static long? ParseETag(GrainId grain, string? etag) =>
        etag is null ? null
        : long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw new InconsistentStateException(grain, etag);

    private sealed record StateRow(string StateType, long StateVersion, long ETag, string Payload);
}
