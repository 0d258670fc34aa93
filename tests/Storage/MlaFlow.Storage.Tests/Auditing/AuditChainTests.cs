using Dapper;
using MlaFlow.Storage.Tests.State;
using MlaFlow.Storage.Tests.States;
using MlaFlow.Testing;
using Orleans;
using Orleans.Runtime;

namespace MlaFlow.Storage.Tests.Auditing;

/// <summary>The audit chain records every change and shows where it, or a stored state, was tampered with.</summary>
public sealed class AuditChainTests() : DatabaseTest(StorageKind.Sqlite)
{
    private StorageNode _node = null!;

    // Four changes of one state, as a grain makes them: each written with its audit record.
    protected override async Task StartAsync()
    {
        _node = await StorageNode.StartAsync(Database, Clock);
        var grain = GrainId.Create("test-counter", "audited");
        var state = new StoredGrain<Audited<CounterState>>(_node.Grains, grain, new GrainState<Audited<CounterState>>(new Audited<CounterState>()));
        var items = new List<string>();
        foreach (var item in new[] { "a", "b", "c", "d" })
        {
            items.Add(item);
            await state.WriteAsync(new CounterState(CounterState.Authority, items.Count, [.. items]), new AuditEntry(CounterState.Authority, "test", "counter.added", "audited"));
        }
    }

    [Fact]
    public async Task every_state_change_appends_one_linked_record()
    {
        var result = await _node.Verifier.VerifyAsync(CounterState.Authority);

        result.IsIntact.ShouldBeTrue(result.Problem);
        result.VerifiedRecords.ShouldBe(4);
        result.StateProblems.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_state_edited_behind_the_applications_back_is_named()
    {
        await ExecuteAsync("UPDATE grain_state SET payload = REPLACE(payload, '\"d\"', '\"e\"')");

        var result = await _node.Verifier.VerifyAsync(CounterState.Authority);

        result.Problem.ShouldBeNull();
        result.StateProblems.ShouldBe(["the state of test-counter/audited was altered: it is not the state its last audit record (record 4) hashed"]);
    }

    [Fact]
    public async Task a_state_put_back_as_it_was_before_its_last_change_is_named()
    {
        await using var connection = await Database.Open().OpenAsync();
        var fourth = await connection.QuerySingleAsync<string>("SELECT payload FROM grain_state");
        var state = new StoredGrain<Audited<CounterState>>(_node.Grains, GrainId.Create("test-counter", "audited"), new GrainState<Audited<CounterState>>(new Audited<CounterState>()));
        await state.ReadStateAsync();
        await state.WriteAsync(new CounterState(CounterState.Authority, 5, ["a", "b", "c", "d", "e"]), new AuditEntry(CounterState.Authority, "test", "counter.added", "audited"));

        await connection.ExecuteAsync("UPDATE grain_state SET payload = @Payload", new { Payload = fourth });

        (await _node.Verifier.VerifyAsync(CounterState.Authority)).StateProblems
            .ShouldBe(["the state of test-counter/audited was altered: it is not the state its last audit record (record 5) hashed"]);
    }

    [Fact]
    public async Task a_deleted_state_and_one_without_an_audit_record_are_named()
    {
        await ExecuteAsync("DELETE FROM grain_state");
        await ExecuteAsync(
            """
            INSERT INTO grain_state (grain_type, grain_key, state_type, state_version, etag, payload, owner, created_at, updated_at)
            VALUES ('test-counter', 'smuggled', 'test-counter', 2, 1, '{}', 'XX-TEST', '2026-03-02T00:00:00Z', '2026-03-02T00:00:00Z')
            """);

        (await _node.Verifier.VerifyAsync(CounterState.Authority)).StateProblems.ShouldBe(
        [
            "the state of test-counter/smuggled has no audit record",
            "the state of test-counter/audited is missing: its last audit record (record 4) wrote it",
        ]);
    }

    [Fact]
    public async Task a_state_cleared_through_the_storage_is_not_missing()
    {
        var state = new StoredGrain<Audited<CounterState>>(_node.Grains, GrainId.Create("test-counter", "audited"), new GrainState<Audited<CounterState>>(new Audited<CounterState>()));
        await state.ReadStateAsync();
        state.State.Pending = [new AuditEntry(CounterState.Authority, "test", "counter.cleared", "audited")];
        await state.ClearStateAsync();

        var result = await _node.Verifier.VerifyAsync(CounterState.Authority);
        result.IsIntact.ShouldBeTrue(string.Join("; ", result.StateProblems));
        result.VerifiedRecords.ShouldBe(5);
    }

    [Fact]
    public async Task an_edited_record_is_found()
    {
        await ExecuteAsync("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2");

        var result = await _node.Verifier.VerifyAsync(CounterState.Authority);

        result.Problem.ShouldBe("record 2 was altered (its hash does not match its fields)");
        result.VerifiedRecords.ShouldBe(1);
    }

    [Fact]
    public async Task a_removed_record_is_found()
    {
        await ExecuteAsync("DELETE FROM audit_log WHERE seq = 3");

        (await _node.Verifier.VerifyAsync(CounterState.Authority)).Problem.ShouldBe("record 3 is missing (found 4)");
    }

    [Fact]
    public async Task records_cut_from_the_end_are_found()
    {
        await ExecuteAsync("DELETE FROM audit_log WHERE seq = 4");

        (await _node.Verifier.VerifyAsync(CounterState.Authority)).Problem.ShouldBe("the chain head does not match the last record (records were removed from the end)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await Database.Open().OpenAsync();
        await connection.ExecuteAsync(sql);
    }
}
