using Dapper;
using Microsoft.Extensions.DependencyInjection;
using MlaFlow.Runtime.Auditing;
using MlaFlow.Runtime.Grains;
using MlaFlow.Runtime.State;
using MlaFlow.Runtime.Storage;
using MlaFlow.Runtime.Tests.TestGrains;
using MlaFlow.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace MlaFlow.Runtime.Tests.Storage;

/// <summary>What every storage provider must do; run once per database by the derived classes.</summary>
public abstract class GrainStorageContract(StorageKind kind) : TestGrainSiloTest(kind)
{
    private static readonly GrainId Grain = new(CounterGrain.TypeName, "c-1");
    private static readonly AuditEntry Audit = new(CounterGrain.Owner, "test", "write", "c-1");

    private GrainStateStore Store => Silo.Services.GetRequiredService<GrainStateStore>();

    [SkippableFact]
    public async Task reading_a_grain_that_was_never_written_finds_nothing()
    {
        (await Store.ReadAsync<CounterState>(Grain)).ShouldBeNull();
    }

    [SkippableFact]
    public async Task a_written_state_reads_back_with_a_new_etag()
    {
        var first = await Store.WriteAsync(Grain, new CounterState(CounterGrain.Owner, 1, ["a"]), null, Audit);
        var second = await Store.WriteAsync(Grain, new CounterState(CounterGrain.Owner, 2, ["a", "b"]), first, Audit);

        var read = await Store.ReadAsync<CounterState>(Grain);
        read.ShouldNotBeNull();
        read.State.Count.ShouldBe(2);
        read.State.Items.ShouldBe(["a", "b"]);
        read.ETag.ShouldBe(second);
        second.ShouldNotBe(first);
    }

    [SkippableFact]
    public async Task a_write_with_a_stale_etag_fails_and_changes_nothing()
    {
        var first = await Store.WriteAsync(Grain, new CounterState(CounterGrain.Owner, 1, ["a"]), null, Audit);
        await Store.WriteAsync(Grain, new CounterState(CounterGrain.Owner, 2, ["a", "b"]), first, Audit);
        var auditBefore = await CountAsync("audit_log");

        var stale = () => Store.WriteAsync(Grain, new CounterState(CounterGrain.Owner, 99, ["lost"]), first, Audit);

        (await stale.ShouldThrowAsync<InconsistentStateException>()).Grain.ShouldBe(Grain);
        (await Store.ReadAsync<CounterState>(Grain))!.State.Count.ShouldBe(2);
        (await CountAsync("audit_log")).ShouldBe(auditBefore);
    }

    [SkippableFact]
    public async Task creating_a_state_that_already_exists_fails()
    {
        await Store.WriteAsync(Grain, new CounterState(CounterGrain.Owner, 1, ["a"]), null, Audit);

        var again = () => Store.WriteAsync(Grain, new CounterState(CounterGrain.Owner, 7, ["b"]), null, Audit);

        await again.ShouldThrowAsync<InconsistentStateException>();
        (await Store.ReadAsync<CounterState>(Grain))!.State.Count.ShouldBe(1);
    }

    [SkippableFact]
    public async Task of_two_writers_holding_the_same_etag_exactly_one_wins()
    {
        var etag = await Store.WriteAsync(Grain, new CounterState(CounterGrain.Owner, 0, []), null, Audit);
        var writers = Enumerable.Range(1, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await Store.WriteAsync(Grain, new CounterState(CounterGrain.Owner, 1, [$"writer-{i}"]), etag, Audit);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        (await Task.WhenAll(writers)).Count(won => won).ShouldBe(1);
    }

    [SkippableFact]
    public async Task clearing_removes_the_state_and_a_stale_clear_fails()
    {
        var first = await Store.WriteAsync(Grain, new CounterState(CounterGrain.Owner, 1, ["a"]), null, Audit);
        var second = await Store.WriteAsync(Grain, new CounterState(CounterGrain.Owner, 2, ["a", "b"]), first, Audit);

        await Should.ThrowAsync<InconsistentStateException>(() => Store.ClearAsync(Grain, first, Audit));
        await Store.ClearAsync(Grain, second, Audit);

        (await Store.ReadAsync<CounterState>(Grain)).ShouldBeNull();
    }

    [SkippableFact]
    public async Task a_state_written_by_an_older_version_is_upgraded_on_read()
    {
        await InsertRawAsync("test-counter", 1, """{"owner":"XX-TEST","total":41}""");

        var read = await Store.ReadAsync<CounterState>(Grain);

        read.ShouldNotBeNull();
        read.State.Count.ShouldBe(41);
        read.State.Items.ShouldBeEmpty();
        var upgraded = await Store.WriteAsync(Grain, read.State with { Count = 42 }, read.ETag, Audit);
        (await Store.ReadAsync<CounterState>(Grain))!.ETag.ShouldBe(upgraded);
    }

    [SkippableFact]
    public async Task a_state_written_by_a_newer_version_is_refused_rather_than_misread()
    {
        await InsertRawAsync("test-counter", 3, """{"owner":"XX-TEST","count":1,"items":[],"future":true}""");

        var read = () => Store.ReadAsync<CounterState>(Grain);

        (await read.ShouldThrowAsync<InvalidOperationException>()).Message.ShouldContain("newer");
    }

    [SkippableFact]
    public async Task applying_the_migrations_twice_is_harmless()
    {
        await Store.WriteAsync(Grain, new CounterState(CounterGrain.Owner, 1, ["kept"]), null, Audit);
        var runner = new MigrationRunner(Database.Open(), Clock, NullLogger<MigrationRunner>.Instance);

        (await runner.ApplyAsync()).ShouldBeEmpty();
        (await runner.ApplyAsync()).ShouldBeEmpty();

        (await Store.ReadAsync<CounterState>(Grain))!.State.Items.ShouldBe(["kept"]);
        (await CountAsync("schema_migrations")).ShouldBe(3);
    }

    [SkippableFact]
    public async Task queries_filter_on_the_columns_stored_beside_the_json_and_page_newest_first()
    {
        for (var i = 1; i <= 5; i++)
        {
            Clock.Advance(NodaTime.Duration.FromMinutes(1));
            await Store.WriteAsync(new GrainId(CounterGrain.TypeName, $"q-{i}"), new CounterState(CounterGrain.Owner, i, [], i <= 3 ? "open" : "closed"), null, Audit);
        }

        await Store.WriteAsync(new GrainId(CounterGrain.TypeName, "other"), new CounterState("YY-OTHER", 2, []), null, Audit with { Authority = "YY-OTHER" });
        var query = Silo.Services.GetRequiredService<IGrainStateQuery>();

        var open = await query.QueryAsync<CounterState>(CounterGrain.TypeName, new StateFilter(CounterGrain.Owner, Status: "open"), 1, 2);
        var evenOpen = await query.QueryAsync<CounterState>(CounterGrain.TypeName, new StateFilter(CounterGrain.Owner, "open", "even"), 1, 10);
        var secondPage = await query.QueryAsync<CounterState>(CounterGrain.TypeName, new StateFilter(CounterGrain.Owner), 2, 2);

        open.Total.ShouldBe(3);
        open.Items.Select(s => s.Count).ShouldBe([3, 2]);
        evenOpen.Items.Select(s => s.Count).ShouldBe([2]);
        secondPage.Items.Select(s => s.Count).ShouldBe([3, 2]);
        secondPage.Total.ShouldBe(5);
    }

    private async Task InsertRawAsync(string stateType, int version, string payload)
    {
        await using var connection = await Database.Open().OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO grain_state (grain_type, grain_key, state_type, state_version, etag, payload, owner, created_at, updated_at)
            VALUES (@Type, @Key, @StateType, @Version, 1, @Payload, 'XX-TEST', '2020-01-01T00:00:00.0000000Z', '2020-01-01T00:00:00.0000000Z')
            """,
            new { Grain.Type, Grain.Key, StateType = stateType, Version = (long)version, Payload = payload });
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = await Database.Open().OpenAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }
}
