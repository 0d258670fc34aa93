using System.Globalization;
using Dapper;
using NodaTime;
using Orleans;
using Orleans.Runtime;

namespace MlaFlow.Storage.Reminders;

/// <summary>
/// Orleans' reminder table on MlaFlow's database (table <c>reminders</c>, migration 0004), for SQLite and PostgreSQL
/// alike. A row is one grain's named reminder: when it first falls due, its period and an ETag counter. Orleans' reminder
/// service does the rest: each silo reads the rows whose grain hash lies in its share of the ring and delivers their
/// ticks, so a reminder fires on one node, and after a restart. The grain's type, key and the due time are stored as an
/// auditor reads them; the hash beside them only divides the rows between silos.
/// </summary>
internal sealed class ReminderTable(Database database) : IReminderTable
{
    /// <summary>
    /// Rows kept from the node's own reminders of before Orleans (migration 0001) have no hash yet: it is computed here,
    /// where <see cref="GrainId.GetUniformHashCode"/> is, before the reminder service first reads the table.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var unhashed = await connection.QueryAsync<(string Type, string Key)>(new CommandDefinition(
            "SELECT DISTINCT grain_type AS Type, grain_key AS Key FROM reminders WHERE grain_hash IS NULL", cancellationToken: cancellationToken));
        foreach (var (type, key) in unhashed)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE reminders SET grain_hash = @Hash WHERE grain_type = @Type AND grain_key = @Key",
                new { Hash = (long)GrainId.Create(type, key).GetUniformHashCode(), Type = type, Key = key }, cancellationToken: cancellationToken));
        }
    }

    public async Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        var (type, key) = GrainRowKey.Of(grainId);
        return await ReadAsync("WHERE grain_type = @Type AND grain_key = @Key", new { Type = type, Key = key });
    }

    // The ring range (begin, end]; it wraps past the largest hash when begin >= end.
    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadAsync(
        begin < end ? "WHERE grain_hash > @Begin AND grain_hash <= @End" : "WHERE grain_hash > @Begin OR grain_hash <= @End",
        new { Begin = (long)begin, End = (long)end });

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var (type, key) = GrainRowKey.Of(grainId);
        var rows = await ReadAsync("WHERE grain_type = @Type AND grain_key = @Key AND name = @Name", new { Type = type, Key = key, Name = reminderName });
        return rows.Reminders.SingleOrDefault();
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        var (type, key) = GrainRowKey.Of(entry.GrainId);
        await using var connection = await database.OpenAsync();
        var etag = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO reminders (grain_type, grain_key, name, grain_hash, start_at, period_ms, etag)
            VALUES (@Type, @Key, @Name, @Hash, @StartAt, @PeriodMs, 1)
            ON CONFLICT (grain_type, grain_key, name)
            DO UPDATE SET grain_hash = excluded.grain_hash, start_at = excluded.start_at, period_ms = excluded.period_ms, etag = reminders.etag + 1
            RETURNING etag
            """,
            new
            {
                Type = type,
                Key = key,
                Name = entry.ReminderName,
                Hash = (long)entry.GrainId.GetUniformHashCode(),
                StartAt = InstantText.Format(Instant.FromDateTimeUtc(DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc))),
                PeriodMs = (long)entry.Period.TotalMilliseconds,
            }));
        return etag.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var expected))
        {
            return false;
        }

        var (type, key) = GrainRowKey.Of(grainId);
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM reminders WHERE grain_type = @Type AND grain_key = @Key AND name = @Name AND etag = @ETag",
            new { Type = type, Key = key, Name = reminderName, ETag = expected })) == 1;
    }

    public async Task TestOnlyClearTable()
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync("DELETE FROM reminders");
    }

    private async Task<ReminderTableData> ReadAsync(string where, object parameters)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT grain_type AS Type, grain_key AS Key, name AS Name, start_at AS StartAt, period_ms AS PeriodMs, etag AS ETag FROM reminders {where}",
            parameters));
        return new ReminderTableData(rows.Select(r => new ReminderEntry
        {
            GrainId = GrainId.Create(r.Type, r.Key),
            ReminderName = r.Name,
            StartAt = InstantText.Parse(r.StartAt).ToDateTimeUtc(),
            Period = TimeSpan.FromMilliseconds(r.PeriodMs),
            ETag = r.ETag.ToString(CultureInfo.InvariantCulture),
        }));
    }


    private sealed record Row(string Type, string Key, string Name, string StartAt, long PeriodMs, long ETag);
}
