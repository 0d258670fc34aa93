using System.Globalization;
using Dapper;
using MlaFlow.Storage.Auditing;
using NodaTime;
using Orleans.Runtime;
using Orleans.Storage;

namespace MlaFlow.Storage.State;

/// <summary>
/// The grain storage provider <c>mlaflow</c>: each grain is one row of <c>grain_state</c> — its JSON tagged with the
/// state type and format version, beside the columns lists filter on — guarded by an ETag, a counter bumped on each
/// write. A write is one transaction: the row and the audit record chained to the authority's previous one
/// (<see cref="Audited{TValue}"/> carries the entry). Orleans keeps one activation per grain; should two ever write from
/// the same ETag (a node cut off from the cluster that has not noticed yet), the database lets exactly one UPDATE
/// match, and the other gets <see cref="InconsistentStateException"/>, having written nothing; Orleans then
/// deactivates it and the next call reloads. The grain's type and key are the row's key, as an auditor reads them
/// (<c>request</c>, <c>CN-MOJ-2026-000001</c>).
/// </summary>
internal sealed class MlaFlowGrainStorage(Database database, StateSerializer serializer, AuditChain auditChain, IClock clock) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var state = Audited(grainState);
        var (type, key) = GrainRowKey.Of(grainId);
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<StateRow>(new CommandDefinition(
            """
            SELECT state_type AS StateType, state_version AS StateVersion, etag AS ETag, payload AS Payload
            FROM grain_state WHERE grain_type = @Type AND grain_key = @Key
            """,
            new { Type = type, Key = key }));
        state.Value = row is null ? null : serializer.Deserialize(state.ValueType, row.StateType, row.StateVersion, row.Payload);
        grainState.ETag = row?.ETag.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = row is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var state = Audited(grainState);
        var value = state.Value ?? throw new InvalidOperationException($"{grainId}: an empty state is not written; clear it instead.");
        var audit = Pending(grainId, state);
        var descriptor = StateSerializer.Describe(state.ValueType);
        var payload = serializer.Serialize(value);
        var columns = (value as IQueryableState)?.Columns;
        var now = InstantText.Format(clock.GetCurrentInstant());
        var expected = ParseETag(grainState.ETag);
        var (type, key) = GrainRowKey.Of(grainId);
        var row = new
        {
            Type = type,
            Key = key,
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
            Expected = expected,
        };

        var (connection, transaction) = await database.BeginAsync();
        await using (connection)
        await using (transaction)
        {
            // ON CONFLICT DO NOTHING also covers the unique external key: a second request with the same
            // Idempotency-Key, racing through another activation, inserts nothing and is reported stale.
            var changed = expected is null
                ? await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO grain_state (grain_type, grain_key, state_type, state_version, etag, payload, owner, kind, status,
                                             requesting_state, requested_state, deadline_at, external_key, created_at, updated_at)
                    VALUES (@Type, @Key, @StateType, @StateVersion, 1, @Payload, @Owner, @Kind, @Status,
                            @RequestingState, @RequestedState, @Deadline, @ExternalKey, @Now, @Now)
                    ON CONFLICT DO NOTHING
                    """, row, transaction))
                : await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE grain_state
                    SET state_type = @StateType, state_version = @StateVersion, etag = etag + 1, payload = @Payload,
                        owner = @Owner, kind = @Kind, status = @Status, requesting_state = @RequestingState,
                        requested_state = @RequestedState, deadline_at = @Deadline, external_key = @ExternalKey, updated_at = @Now
                    WHERE grain_type = @Type AND grain_key = @Key AND etag = @Expected
                    """, row, transaction));
            if (changed == 0)
            {
                throw Stale(grainId, grainState.ETag);
            }

            await auditChain.AppendAsync(connection, transaction, audit, $"{type}/{key}", AuditChain.Sha256Hex(payload), CancellationToken.None);
            await transaction.CommitAsync();
        }

        grainState.ETag = ((expected ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var state = Audited(grainState);
        var audit = Pending(grainId, state);
        if (ParseETag(grainState.ETag) is not { } expected)
        {
            return; // nothing stored, nothing to record
        }

        var (type, key) = GrainRowKey.Of(grainId);
        var (connection, transaction) = await database.BeginAsync();
        await using (connection)
        await using (transaction)
        {
            var deleted = await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM grain_state WHERE grain_type = @Type AND grain_key = @Key AND etag = @Expected",
                new { Type = type, Key = key, Expected = expected }, transaction));
            if (deleted == 0)
            {
                throw Stale(grainId, grainState.ETag);
            }

            await auditChain.AppendAsync(connection, transaction, audit, $"{type}/{key}", AuditChain.Sha256Hex(""), CancellationToken.None);
            await transaction.CommitAsync();
        }

        state.Value = null;
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private static IAuditedState Audited<T>(IGrainState<T> grainState) =>
        grainState.State as IAuditedState
        ?? throw new InvalidOperationException($"The {StorageNames.MlaFlow} storage keeps audited states (Audited<T>), not {typeof(T).Name}.");

    // Every durable change is recorded: a write without its entry is a bug, refused before anything is written.
    private static IReadOnlyList<AuditEntry> Pending(GrainId grainId, IAuditedState state) =>
        state.Pending is { Count: > 0 } pending ? pending : throw new InvalidOperationException($"{grainId}: a state is written with its audit entry (AuditedStateExtensions.WriteAsync).");

    private static long? ParseETag(string? etag) =>
        etag is null ? null
        : long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw new InconsistentStateException($"'{etag}' is not an ETag of this storage.", storedEtag: null, currentEtag: etag);

    // Thrown inside the transaction, which is then rolled back: nothing of the attempt is kept.
    private static InconsistentStateException Stale(GrainId grainId, string? etag) => new(
        $"The state of {grainId} changed since it was read (expected ETag '{etag ?? "none"}'); nothing was written.", storedEtag: null, currentEtag: etag);

    private sealed record StateRow(string StateType, long StateVersion, long ETag, string Payload);
}
