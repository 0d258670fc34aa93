using Dapper;
using MlaFlow.Testing;
using Orleans;
using Orleans.Runtime;

namespace MlaFlow.Storage.Tests.Reminders;

/// <summary>
/// MlaFlow's reminder table as Orleans' reminder service uses it, on each database: rows by grain, by name and by
/// ring range, each change under an ETag. (That reminders fire — months ahead, after a restart, once with several
/// nodes — is tested through the grains: MlaFlow.Grains.Tests, WorkflowDeadlineContract.)
/// </summary>
public abstract class ReminderTableContract(StorageKind kind) : DatabaseTest(kind)
{
    private static readonly DateTime Due = new(2026, 9, 18, 7, 59, 59, 999, DateTimeKind.Utc);

    private StorageNode _node = null!;

    private IReminderTable Table => _node.Reminders;

    protected override async Task StartAsync()
    {
        _node = await StorageNode.StartAsync(Database, Clock);
        await Table.StartAsync();
    }

    [SkippableFact]
    public async Task a_reminder_reads_back_by_grain_and_by_name_as_it_was_registered()
    {
        var grain = GrainId.Create("request", "CN-MOJ-2026-000001");
        var etag = await Table.UpsertRow(Entry(grain, "wf-3-due", Due.AddDays(200)));

        var row = (await Table.ReadRow(grain, "wf-3-due")).ShouldNotBeNull();
        row.StartAt.ShouldBe(Due.AddDays(200));
        row.Period.ShouldBe(TimeSpan.FromMinutes(1));
        row.ETag.ShouldBe(etag);
        (await Table.ReadRows(grain)).Reminders.Select(r => r.ReminderName).ShouldBe(["wf-3-due"]);
        (await Table.ReadRow(grain, "wf-4-due")).ShouldBeNull();
    }

    [SkippableFact]
    public async Task registering_again_replaces_the_reminder_under_a_new_etag()
    {
        var grain = GrainId.Create("request", "CN-MOJ-2026-000002");
        var first = await Table.UpsertRow(Entry(grain, "outbox", Due));
        var second = await Table.UpsertRow(Entry(grain, "outbox", Due.AddMinutes(5)));

        second.ShouldNotBe(first);
        (await Table.ReadRows(grain)).Reminders.ShouldHaveSingleItem().StartAt.ShouldBe(Due.AddMinutes(5));
    }

    [SkippableFact]
    public async Task a_reminder_is_removed_with_its_current_etag_only()
    {
        var grain = GrainId.Create("request", "CN-MOJ-2026-000003");
        var first = await Table.UpsertRow(Entry(grain, "wf-1-warn", Due));
        var current = await Table.UpsertRow(Entry(grain, "wf-1-warn", Due.AddHours(1)));

        (await Table.RemoveRow(grain, "wf-1-warn", first!)).ShouldBeFalse();
        (await Table.ReadRow(grain, "wf-1-warn")).ShouldNotBeNull();
        (await Table.RemoveRow(grain, "wf-1-warn", current!)).ShouldBeTrue();
        (await Table.ReadRow(grain, "wf-1-warn")).ShouldBeNull();
        (await Table.RemoveRow(grain, "wf-1-warn", current!)).ShouldBeFalse();
    }

    [SkippableFact]
    public async Task a_ring_range_holds_the_grains_whose_hash_is_inside_it_and_wraps_past_the_top()
    {
        var grains = Enumerable.Range(1, 40).Select(i => GrainId.Create("request", $"TH-OAG-2026-{i:D6}")).ToList();
        foreach (var grain in grains)
        {
            await Table.UpsertRow(Entry(grain, "wf-1-due", Due));
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToList();
        var (low, high) = (hashes[10], hashes[30]);

        (await NamesIn(low, high)).ShouldBe(grains.Where(g => g.GetUniformHashCode() > low && g.GetUniformHashCode() <= high).Select(Key).Order());
        (await NamesIn(high, low)).ShouldBe(grains.Where(g => g.GetUniformHashCode() > high || g.GetUniformHashCode() <= low).Select(Key).Order());
        (await NamesIn(low, low)).Count.ShouldBe(grains.Count); // begin == end: the whole ring
    }

    [SkippableFact]
    public async Task reminders_kept_from_before_orleans_get_their_grains_hash_when_the_table_starts()
    {
        await using (var connection = await _node.Database.OpenAsync())
        {
            await connection.ExecuteAsync(
                "INSERT INTO reminders (grain_type, grain_key, name, grain_hash, start_at, period_ms, etag) VALUES ('request', 'CN-MOJ-2026-000009', 'wf-2-due', NULL, '2026-12-11T15:59:59.9999999Z', 60000, 1)");
        }

        await Table.StartAsync();

        var grain = GrainId.Create("request", "CN-MOJ-2026-000009");
        (await Table.ReadRows(0, 0)).Reminders.ShouldHaveSingleItem().GrainId.ShouldBe(grain);
        (await NamesIn(grain.GetUniformHashCode() - 1, grain.GetUniformHashCode())).ShouldBe([Key(grain)]);
    }

    [SkippableFact]
    public async Task clearing_the_table_removes_every_reminder()
    {
        await Table.UpsertRow(Entry(GrainId.Create("request", "CN-MOJ-2026-000004"), "outbox", Due));

        await Table.TestOnlyClearTable();

        (await Table.ReadRows(0, 0)).Reminders.ShouldBeEmpty();
    }

    private async Task<IReadOnlyList<string>> NamesIn(uint begin, uint end) =>
        [.. (await Table.ReadRows(begin, end)).Reminders.Select(r => Key(r.GrainId)).Order()];

    private static string Key(GrainId grain) => grain.Key.ToString()!;

    private static ReminderEntry Entry(GrainId grain, string name, DateTime startAt) =>
        new() { GrainId = grain, ReminderName = name, StartAt = startAt, Period = TimeSpan.FromMinutes(1) };
}
