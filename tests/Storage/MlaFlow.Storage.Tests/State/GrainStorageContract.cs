using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using MlaFlow.Storage.Tests.States;
using MlaFlow.Testing;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace MlaFlow.Storage.Tests.State;

/// <summary>
/// What the <c>mlaflow</c> grain storage must do, called as Orleans calls it; run once per database by the derived
/// classes. Each write is one transaction with its audit record, guarded by the ETag.
/// </summary>
public abstract class GrainStorageContract(StorageKind kind) : DatabaseTest(kind)
{
    private static readonly GrainId Grain = GrainId.Create("test-counter", "c-1");
    private static readonly AuditEntry Audit = new(CounterState.Authority, "test", "write", "c-1");

    private StorageNode _node = null!;

    private IGrainStorage Storage => _node.Grains;

    protected override async Task StartAsync() => _node = await StorageNode.StartAsync(Database, Clock);

    [SkippableFact]
    public async Task reading_a_grain_that_was_never_written_finds_nothing()
    {
        var state = await ReadAsync(Grain);

        state.State.Value.ShouldBeNull();
        state.RecordExists.ShouldBeFalse();
        state.Etag.ShouldBeNull();
    }

    [SkippableFact]
    public async Task a_written_state_reads_back_with_a_new_etag()
    {
        var state = await ReadAsync(Grain);
        await WriteAsync(state, new CounterState(CounterState.Authority, 1, ["a"]));
        var first = state.Etag;
        await WriteAsync(state, new CounterState(CounterState.Authority, 2, ["a", "b"]));

        var read = await ReadAsync(Grain);
        read.RecordExists.ShouldBeTrue();
        read.State.Value!.Count.ShouldBe(2);
        read.State.Value.Items.ShouldBe(["a", "b"]);
        read.Etag.ShouldBe(state.Etag);
        state.Etag.ShouldNotBe(first);
    }

    [SkippableFact]
    public async Task a_write_with_a_stale_etag_fails_and_changes_nothing()
    {
        var state = await ReadAsync(Grain);
        await WriteAsync(state, new CounterState(CounterState.Authority, 1, ["a"]));
        var stale = await ReadAsync(Grain);
        await WriteAsync(state, new CounterState(CounterState.Authority, 2, ["a", "b"]));
        var auditBefore = await CountAsync("audit_log");

        await Should.ThrowAsync<InconsistentStateException>(() => WriteAsync(stale, new CounterState(CounterState.Authority, 99, ["lost"])));

        (await ReadAsync(Grain)).State.Value!.Count.ShouldBe(2);
        (await CountAsync("audit_log")).ShouldBe(auditBefore);
    }

    [SkippableFact]
    public async Task creating_a_state_that_already_exists_fails()
    {
        var first = await ReadAsync(Grain);
        var second = await ReadAsync(Grain);
        await WriteAsync(first, new CounterState(CounterState.Authority, 1, ["a"]));

        await Should.ThrowAsync<InconsistentStateException>(() => WriteAsync(second, new CounterState(CounterState.Authority, 7, ["b"])));

        (await ReadAsync(Grain)).State.Value!.Count.ShouldBe(1);
    }

    [SkippableFact]
    public async Task of_two_writers_holding_the_same_etag_exactly_one_wins()
    {
        var start = await ReadAsync(Grain);
        await WriteAsync(start, new CounterState(CounterState.Authority, 0, []));
        var writers = Enumerable.Range(1, 8).Select(i => Task.Run(async () =>
        {
            var copy = new StoredGrain<Audited<CounterState>>(Storage, Grain, new GrainState<Audited<CounterState>>(new Audited<CounterState> { Value = start.State.Value }, start.Etag));
            try
            {
                await WriteAsync(copy, new CounterState(CounterState.Authority, 1, [$"writer-{i}"]));
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        (await Task.WhenAll(writers)).Count(won => won).ShouldBe(1);
        (await CountAsync("audit_log")).ShouldBe(2);
    }

    [SkippableFact]
    public async Task a_write_with_several_entries_appends_them_in_order_to_one_intact_chain()
    {
        var state = await ReadAsync(Grain);
        await WriteAsync(state, new CounterState(CounterState.Authority, 1, ["a"]));

        await state.WriteAsync(new CounterState(CounterState.Authority, 4, ["a", "b", "c", "d"]),
            [Audit with { Action = "add-b" }, Audit with { Action = "add-c" }, Audit with { Action = "add-d" }]);

        await using var connection = await Database.Open().OpenAsync();
        (await connection.QueryAsync<(long, string)>("SELECT seq, action FROM audit_log ORDER BY seq"))
            .ShouldBe([(1L, "write"), (2L, "add-b"), (3L, "add-c"), (4L, "add-d")]);
        var verified = await _node.Verifier.VerifyAsync(CounterState.Authority);
        verified.IsIntact.ShouldBeTrue(verified.Problem);
        verified.VerifiedRecords.ShouldBe(4);
    }

    [SkippableFact]
    public async Task writers_of_one_authority_at_once_each_take_the_next_link_of_its_chain()
    {
        var writers = Enumerable.Range(1, 16).Select(i => Task.Run(async () =>
        {
            var state = await ReadAsync(GrainId.Create("test-counter", $"c-{i}"));
            await WriteAsync(state, new CounterState(CounterState.Authority, i, [$"writer-{i}"]));
        }));
        await Task.WhenAll(writers);

        var verified = await _node.Verifier.VerifyAsync(CounterState.Authority);
        verified.IsIntact.ShouldBeTrue(verified.Problem);
        verified.VerifiedRecords.ShouldBe(16);
    }

    [SkippableFact]
    public async Task entries_of_two_authorities_in_one_write_are_refused_and_write_nothing()
    {
        var state = await ReadAsync(Grain);

        await Should.ThrowAsync<ArgumentException>(() => state.WriteAsync(new CounterState(CounterState.Authority, 1, ["a"]),
            [Audit, Audit with { Authority = "XX-OTHER" }]));

        (await CountAsync("grain_state")).ShouldBe(0);
        (await CountAsync("audit_log")).ShouldBe(0);
        state.State.Value.ShouldBeNull();
    }

    [SkippableFact]
    public async Task a_write_without_its_audit_entry_is_refused_and_writes_nothing()
    {
        var state = await ReadAsync(Grain);
        state.State.Value = new CounterState(CounterState.Authority, 1, ["unaudited"]);

        (await Should.ThrowAsync<InvalidOperationException>(state.WriteStateAsync)).Message.ShouldContain("audit entry");

        (await CountAsync("grain_state")).ShouldBe(0);
    }

    [SkippableFact]
    public async Task clearing_removes_the_state_with_its_audit_record_and_a_stale_clear_fails()
    {
        var state = await ReadAsync(Grain);
        await WriteAsync(state, new CounterState(CounterState.Authority, 1, ["a"]));
        var stale = await ReadAsync(Grain);
        await WriteAsync(state, new CounterState(CounterState.Authority, 2, ["a", "b"]));

        stale.State.Pending = [Audit];
        await Should.ThrowAsync<InconsistentStateException>(stale.ClearStateAsync);
        state.State.Pending = [Audit with { Action = "clear" }];
        await state.ClearStateAsync();

        (await ReadAsync(Grain)).RecordExists.ShouldBeFalse();
        (await CountAsync("audit_log")).ShouldBe(3);
    }

    [SkippableFact]
    public async Task a_state_written_by_an_older_version_is_upgraded_on_read()
    {
        await InsertRawAsync("test-counter", 1, """{"owner":"XX-TEST","total":41}""");

        var read = await ReadAsync(Grain);

        read.State.Value.ShouldNotBeNull();
        read.State.Value.Count.ShouldBe(41);
        read.State.Value.Items.ShouldBeEmpty();
        await WriteAsync(read, read.State.Value with { Count = 42 });
        (await ReadAsync(Grain)).Etag.ShouldBe(read.Etag);
    }

    [SkippableFact]
    public async Task a_state_written_by_a_newer_version_is_refused_rather_than_misread()
    {
        await InsertRawAsync("test-counter", 3, """{"owner":"XX-TEST","count":1,"items":[],"future":true}""");

        (await Should.ThrowAsync<InvalidOperationException>(() => ReadAsync(Grain))).Message.ShouldContain("newer");
    }

    [SkippableFact]
    public async Task applying_the_migrations_twice_is_harmless()
    {
        await WriteAsync(await ReadAsync(Grain), new CounterState(CounterState.Authority, 1, ["kept"]));
        var runner = new MigrationRunner(Database.Open(), Clock, NullLogger<MigrationRunner>.Instance);

        (await runner.ApplyAsync()).ShouldBeEmpty();
        (await runner.ApplyAsync()).ShouldBeEmpty();

        (await ReadAsync(Grain)).State.Value!.Items.ShouldBe(["kept"]);
        (await CountAsync("schema_migrations")).ShouldBe(6);
    }

    [SkippableFact]
    public async Task queries_filter_on_the_columns_stored_beside_the_json_and_page_newest_first()
    {
        for (var i = 1; i <= 5; i++)
        {
            Time.Advance(TimeSpan.FromMinutes(1));
            await WriteAsync(await ReadAsync(GrainId.Create("test-counter", $"q-{i}")), new CounterState(CounterState.Authority, i, [], i <= 3 ? "open" : "closed"));
        }

        await WriteAsync(await ReadAsync(GrainId.Create("test-counter", "other")), new CounterState("YY-OTHER", 2, []), Audit with { Authority = "YY-OTHER" });
        var query = _node.Query;

        var open = await query.QueryAsync<CounterState>("test-counter", new StateFilter(CounterState.Authority, Status: "open"), 1, 2);
        var evenOpen = await query.QueryAsync<CounterState>("test-counter", new StateFilter(CounterState.Authority, "open", "even"), 1, 10);
        var secondPage = await query.QueryAsync<CounterState>("test-counter", new StateFilter(CounterState.Authority), 2, 2);

        open.Total.ShouldBe(3);
        open.Items.Select(s => s.Count).ShouldBe([3, 2]);
        evenOpen.Items.Select(s => s.Count).ShouldBe([2]);
        secondPage.Items.Select(s => s.Count).ShouldBe([3, 2]);
        secondPage.Total.ShouldBe(5);
    }

    private async Task<StoredGrain<Audited<CounterState>>> ReadAsync(GrainId grain)
    {
        var state = new StoredGrain<Audited<CounterState>>(Storage, grain, new GrainState<Audited<CounterState>>(new Audited<CounterState>()));
        await state.ReadStateAsync();
        return state;
    }

    // As a grain writes: the value with its audit entry, through AuditedStateExtensions.
    private static Task WriteAsync(StoredGrain<Audited<CounterState>> state, CounterState value, AuditEntry? audit = null) =>
        state.WriteAsync(value, audit ?? Audit);

    private async Task InsertRawAsync(string stateType, int version, string payload)
    {
        await using var connection = await Database.Open().OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO grain_state (grain_type, grain_key, state_type, state_version, etag, payload, owner, created_at, updated_at)
            VALUES (@Type, @Key, @StateType, @Version, 1, @Payload, 'XX-TEST', '2020-01-01T00:00:00.0000000Z', '2020-01-01T00:00:00.0000000Z')
            """,
            new { Type = Grain.Type.ToString(), Key = Grain.Key.ToString(), StateType = stateType, Version = (long)version, Payload = payload });
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = await Database.Open().OpenAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }
}
