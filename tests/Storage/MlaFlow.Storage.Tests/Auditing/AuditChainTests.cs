using Dapper;
using MlaFlow.Storage.Tests.State;
using MlaFlow.Storage.Tests.States;
using MlaFlow.Testing;
using Orleans;
using Orleans.Runtime;

namespace MlaFlow.Storage.Tests.Auditing;

/// <summary>The audit chain records every change and shows where it was tampered with.</summary>
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
