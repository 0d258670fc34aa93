using Dapper;
using MlaFlow.Runtime.Grains;
using MlaFlow.Runtime.Storage;
using NodaTime;

namespace MlaFlow.Runtime.Reminders;

/// <summary>
/// The <c>reminders</c> table. A due reminder is delivered by the node that claims it: the claim sets a
/// lease in one statement that, on PostgreSQL, skips rows another node is claiming at that moment
/// (SKIP LOCKED) and ignores rows whose lease has not expired. Completing a delivery moves the due time
/// to the next period, but only if this node still holds the lease and the reminder was not replaced
/// meanwhile — so each due time is delivered once, and again only if the claiming node died first.
/// </summary>
public sealed class ReminderTable(Database database)
{
    public const int MaxNameLength = 200;

    /// <summary>
    /// Creates or replaces a reminder. Registering it again unchanged leaves it alone, lease included, so a
    /// grain may re-register what it waits for at any time without disturbing a delivery in progress.
    /// </summary>
    public async Task UpsertAsync(GrainId grain, string name, Instant dueTime, Duration? period, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO reminders (grain_type, grain_key, name, due_at, period_ms, lease_owner, lease_until)
            VALUES (@Type, @Key, @Name, @Due, @PeriodMs, NULL, NULL)
            ON CONFLICT (grain_type, grain_key, name)
            DO UPDATE SET due_at = excluded.due_at, period_ms = excluded.period_ms, lease_owner = NULL, lease_until = NULL
            WHERE reminders.due_at <> excluded.due_at OR reminders.period_ms IS DISTINCT FROM excluded.period_ms
            """,
            new { grain.Type, grain.Key, Name = name, Due = InstantText.Format(dueTime), PeriodMs = (long?)period?.TotalMilliseconds },
            cancellationToken: cancellationToken));
    }

    public async Task DeleteAsync(GrainId grain, string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM reminders WHERE grain_type = @Type AND grain_key = @Key AND name = @Name",
            new { grain.Type, grain.Key, Name = name }, cancellationToken: cancellationToken));
    }

    /// <summary>Claims up to <paramref name="batch"/> due reminders for <paramref name="node"/> until <paramref name="leaseUntil"/>.</summary>
    public async Task<IReadOnlyList<DueReminder>> ClaimDueAsync(string node, Instant now, Instant leaseUntil, int batch, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await database.BeginAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            var rows = await connection.QueryAsync<ClaimedRow>(new CommandDefinition(
                $"""
                UPDATE reminders SET lease_owner = @Node, lease_until = @LeaseUntil
                WHERE (grain_type, grain_key, name) IN (
                    SELECT grain_type, grain_key, name FROM reminders
                    WHERE due_at <= @Now AND (lease_until IS NULL OR lease_until < @Now)
                    ORDER BY due_at LIMIT @Batch{database.ForUpdateSkipLocked})
                RETURNING grain_type AS Type, grain_key AS Key, name AS Name, due_at AS Due, period_ms AS PeriodMs
                """,
                new { Node = node, Now = InstantText.Format(now), LeaseUntil = InstantText.Format(leaseUntil), Batch = batch },
                transaction, cancellationToken: cancellationToken));
            var claimed = rows.Select(r => new DueReminder(
                    new GrainId(r.Type, r.Key), r.Name, InstantText.Parse(r.Due), r.PeriodMs is { } ms ? Duration.FromMilliseconds(ms) : null))
                .OrderBy(r => r.DueTime)
                .ToList();
            await transaction.CommitAsync(cancellationToken);
            return claimed;
        }
    }

    /// <summary>
    /// Records that <paramref name="reminder"/> was delivered: a one-shot reminder is removed; a periodic
    /// one moves to its first due time after <paramref name="now"/> (periods missed while no node ran are
    /// not replayed one by one). Returns false if the lease was lost or the reminder replaced meanwhile.
    /// </summary>
    public async Task<bool> CompleteAsync(string node, DueReminder reminder, Instant now, CancellationToken cancellationToken)
    {
        var key = new
        {
            reminder.Grain.Type,
            reminder.Grain.Key,
            reminder.Name,
            Node = node,
            Due = InstantText.Format(reminder.DueTime),
            Next = reminder.Period is { } period ? InstantText.Format(NextDue(reminder.DueTime, period, now)) : null,
        };
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            reminder.Period is null
                ? "DELETE FROM reminders WHERE grain_type = @Type AND grain_key = @Key AND name = @Name AND lease_owner = @Node AND due_at = @Due"
                : """
                  UPDATE reminders SET due_at = @Next, lease_owner = NULL, lease_until = NULL
                  WHERE grain_type = @Type AND grain_key = @Key AND name = @Name AND lease_owner = @Node AND due_at = @Due
                  """,
            key, cancellationToken: cancellationToken));
        return changed == 1;
    }

    /// <summary>Gives a claimed reminder back after a failed delivery, to be retried from <paramref name="retryAt"/>.</summary>
    public async Task ReleaseAsync(string node, DueReminder reminder, Instant retryAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE reminders SET lease_owner = NULL, lease_until = @RetryAt
            WHERE grain_type = @Type AND grain_key = @Key AND name = @Name AND lease_owner = @Node AND due_at = @Due
            """,
            new { reminder.Grain.Type, reminder.Grain.Key, reminder.Name, Node = node, Due = InstantText.Format(reminder.DueTime), RetryAt = InstantText.Format(retryAt) },
            cancellationToken: cancellationToken));
    }

    private static Instant NextDue(Instant due, Duration period, Instant now)
    {
        var next = due + period;
        if (next > now)
        {
            return next;
        }

        var missed = (long)((now - next).TotalTicks / period.TotalTicks) + 1;
        return next + Duration.FromTicks(period.BclCompatibleTicks * missed);
    }

    private sealed record ClaimedRow(string Type, string Key, string Name, string Due, long? PeriodMs);
}
