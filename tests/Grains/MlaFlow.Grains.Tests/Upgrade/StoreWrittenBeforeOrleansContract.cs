using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using MlaFlow.Grains.Requests;
using MlaFlow.Testing;
using Npgsql;

namespace MlaFlow.Grains.Tests.Upgrade;

/// <summary>
/// A store written by MlaFlow before it ran on Orleans (commit 8c5f787, its own grain runtime) starts on the new version
/// and keeps every request, audit record and pending deadline. The store is a dump of a real one: that node opened an
/// evidence request waiting for China's approval, one sent to Thailand (so Thailand's copy too) and a provisional arrest,
/// each step with its deadline and warning pending (<c>store-before-orleans.*.sql</c>, written on 4 December 2026).
/// </summary>
public abstract class StoreWrittenBeforeOrleansContract(StorageKind kind) : DatabaseTest(kind, TestTime.At(2026, 12, 4, hour: 20))
{
    [SkippableFact]
    public async Task every_request_reads_as_it_was_and_its_audit_chain_goes_on()
    {
        var before = await RestoreAsync();
        await using var silo = await TestSilo.StartAsync(Database, Time);

        foreach (var (id, status) in before.Requests)
        {
            var request = (await silo.Grains.GetGrain<IAssistanceRequestGrain>(id).GetAsync()).ShouldNotBeNull(id);
            request.Status.ToString().ShouldBe(status, id);
            request.Workflow.ShouldNotBeNull(id).Steps.ShouldNotBeEmpty(id);
        }

        // Thailand's copy took China's request message; before, only its id was kept, and it still is.
        var thai = before.Requests.Keys.First(id => id.StartsWith("TH-OAG-", StringComparison.Ordinal));
        var received = (await silo.Grains.GetGrain<IAssistanceRequestGrain>(thai).GetAsync())!.ReceivedMessages.ShouldHaveSingleItem();
        (received.Id, received.Type).ShouldBe(("CN-MOJ-2026-000001/m1", null));

        var china = before.Requests.Keys.First(id => id.StartsWith("CN-MOJ-", StringComparison.Ordinal));
        await silo.Grains.GetGrain<IAssistanceRequestGrain>(china).AddNoteAsync(new Actor(Plugins.Sdk.AuthorityId.Parse("CN-MOJ"), "officer", "upgrade"), "after the upgrade");
        foreach (var (authority, records) in before.AuditRecords)
        {
            var audit = await silo.VerifyAuditAsync(authority);
            audit.IsIntact.ShouldBeTrue(audit.Problem);
            audit.VerifiedRecords.ShouldBe(records + (authority == "CN-MOJ" ? 1 : 0));
        }
    }

    [SkippableFact]
    public async Task every_pending_deadline_is_kept_and_falls_due_on_time()
    {
        var before = await RestoreAsync();
        await using var silo = await TestSilo.StartAsync(Database, Time);

        var after = await RemindersAsync();
        after.Select(r => (r.Key, r.Name, r.StartAt)).Order().ShouldBe(before.Reminders.Order());
        after.ShouldAllBe(r => r.Hash != null && r.PeriodMs == 60_000);

        // The earliest deadline (the provisional arrest's first step, a day after it was opened) falls due.
        var (id, name, due) = before.Reminders.Where(r => r.Name.EndsWith("-due", StringComparison.Ordinal)).MinBy(r => r.Due);
        var step = (await silo.Grains.GetGrain<IAssistanceRequestGrain>(id).GetAsync())!.Workflow!.Steps.Single(s => $"wf-{s.Id}-due" == name);
        await Time.PassUntilAsync(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            async () => (await silo.Grains.GetGrain<IAssistanceRequestGrain>(id).GetAsync())!.Workflow!.Steps.All(s => s.Id != step.Id) ? "left" : null,
            $"{id} leaving {step.StepId} at its deadline");
    }

    private async Task<Before> RestoreAsync()
    {
        var dump = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Upgrade", $"store-before-orleans.{Kind.ToString().ToLowerInvariant()}.sql"));
        await using (var connection = Connect())
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync(dump);
        }

        await using var read = Connect();
        var requests = (await read.QueryAsync<(string Id, string Status)>("SELECT grain_key, status FROM grain_state WHERE grain_type = 'request'")).ToDictionary(r => r.Id, r => r.Status);
        var audit = (await read.QueryAsync<(string Authority, long Records)>("SELECT authority_id, COUNT(*) FROM audit_log GROUP BY authority_id")).ToDictionary(a => a.Authority, a => a.Records);
        var reminders = (await read.QueryAsync<(string Key, string Name, string Due)>("SELECT grain_key, name, due_at FROM reminders")).ToList();
        return new Before(requests, audit, reminders);
    }

    private async Task<IReadOnlyList<StoredReminder>> RemindersAsync()
    {
        await using var connection = Connect();
        return [.. await connection.QueryAsync<StoredReminder>(
            "SELECT grain_key AS Key, name AS Name, start_at AS StartAt, grain_hash AS Hash, period_ms AS PeriodMs FROM reminders")];
    }

    // Unpooled: the dump sets the session's search path, which must not reach the node's connections.
    private DbConnection Connect() => Kind == StorageKind.Sqlite
        ? new SqliteConnection(new SqliteConnectionStringBuilder(Database.ConnectionString) { Pooling = false }.ToString())
        : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Pooling = false }.ToString());

    private sealed record Before(IReadOnlyDictionary<string, string> Requests, IReadOnlyDictionary<string, long> AuditRecords, IReadOnlyList<(string Key, string Name, string Due)> Reminders);

    private sealed record StoredReminder(string Key, string Name, string StartAt, long? Hash, long PeriodMs);
}

public sealed class SqliteStoreWrittenBeforeOrleansTests() : StoreWrittenBeforeOrleansContract(StorageKind.Sqlite);

public sealed class PostgresStoreWrittenBeforeOrleansTests() : StoreWrittenBeforeOrleansContract(StorageKind.Postgres);
