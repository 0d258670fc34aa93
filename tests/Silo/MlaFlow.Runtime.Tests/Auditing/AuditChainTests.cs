using Dapper;
using MlaFlow.Runtime.Tests.TestGrains;
using MlaFlow.Testing;

namespace MlaFlow.Runtime.Tests.Auditing;

/// <summary>The audit chain records every change and shows where it was tampered with.</summary>
public sealed class AuditChainTests() : TestGrainSiloTest(StorageKind.Sqlite)
{
    protected override async Task StartAsync()
    {
        await base.StartAsync();
        var grain = Silo.Grains.GetGrain<ICounterGrain>("audited");
        foreach (var item in new[] { "a", "b", "c", "d" })
        {
            await grain.AddAsync(item);
        }
    }

    [Fact]
    public async Task every_state_change_appends_one_linked_record()
    {
        var result = await Silo.VerifyAuditAsync(CounterGrain.Owner);

        result.IsIntact.ShouldBeTrue(result.Problem);
        result.VerifiedRecords.ShouldBe(4);
    }

    [Fact]
    public async Task an_edited_record_is_found()
    {
        await ExecuteAsync("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2");

        var result = await Silo.VerifyAuditAsync(CounterGrain.Owner);

        result.Problem.ShouldBe("record 2 was altered (its hash does not match its fields)");
        result.VerifiedRecords.ShouldBe(1);
    }

    [Fact]
    public async Task a_removed_record_is_found()
    {
        await ExecuteAsync("DELETE FROM audit_log WHERE seq = 3");

        (await Silo.VerifyAuditAsync(CounterGrain.Owner)).Problem.ShouldBe("record 3 is missing (found 4)");
    }

    [Fact]
    public async Task records_cut_from_the_end_are_found()
    {
        await ExecuteAsync("DELETE FROM audit_log WHERE seq = 4");

        (await Silo.VerifyAuditAsync(CounterGrain.Owner)).Problem.ShouldBe("the chain head does not match the last record (records were removed from the end)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await Database.Open().OpenAsync();
        await connection.ExecuteAsync(sql);
    }
}
