using System.Net;
using MlaFlow.Silo.Tests.Api;
using MlaFlow.Silo.Tests.Processes;
using MlaFlow.Testing;

namespace MlaFlow.Silo.Tests.Commands;

/// <summary>
/// <c>MlaFlow.Silo audit verify</c> is how an auditor checks, from the shell, that nobody edited the audit
/// log behind the application's back — including someone with direct SQL access to the database.
/// </summary>
public sealed class AuditVerifyCommandTests
{
    private const string Authority = "CN-MOJ";

    [SkippableTheory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task audit_verify_reports_a_chain_the_node_wrote_as_intact(StorageKind kind)
    {
        await using var store = await NodeStore.CreateAsync(kind);
        await CreateRequestsAsync(store, count: 2);

        var result = await SiloCli.RunAsync(store.Environment, "audit", "verify", "--authority", Authority);

        result.ExitCode.ShouldBe(0, result.ToString());
        // Two records per request: its number allocated, then the request created.
        result.OutputLines.ShouldBe([$"{Authority}: 4 record(s), chain intact"], result.ToString());
    }

    [SkippableTheory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task audit_verify_exits_3_and_names_the_record_whose_action_was_changed_in_sql(StorageKind kind)
    {
        await using var store = await NodeStore.CreateAsync(kind);
        await CreateRequestsAsync(store, count: 2);

        var changed = await store.ExecuteAsync(
            "UPDATE audit_log SET action = 'request.withdrawn' WHERE authority_id = @Authority AND seq = 3", new { Authority });
        changed.ShouldBe(1);
        var result = await SiloCli.RunAsync(store.Environment, "audit", "verify", "--authority", Authority);

        result.ExitCode.ShouldBe(3, result.ToString());
        result.OutputLines.ShouldHaveSingleItem().ShouldStartWith($"{Authority}: BROKEN after 2 record(s)", Case.Sensitive, result.ToString());
        result.StandardOutput.ShouldContain("record 3 was altered", Case.Sensitive, result.ToString());
    }

    [SkippableTheory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task audit_verify_exits_3_and_names_a_state_edited_or_deleted_in_sql(StorageKind kind)
    {
        await using var store = await NodeStore.CreateAsync(kind);
        await CreateRequestsAsync(store, count: 3);
        var (edited, deleted) = ($"{Authority}-{Year}-000001", $"{Authority}-{Year}-000002");

        (await store.ExecuteAsync(
            "UPDATE grain_state SET payload = REPLACE(payload, '[audit 1]', '[audit 9]') WHERE grain_type = 'request' AND grain_key = @Id", new { Id = edited })).ShouldBe(1);
        (await store.ExecuteAsync("DELETE FROM grain_state WHERE grain_type = 'request' AND grain_key = @Id", new { Id = deleted })).ShouldBe(1);
        var result = await SiloCli.RunAsync(store.Environment, "audit", "verify", "--authority", Authority);

        result.ExitCode.ShouldBe(3, result.ToString());
        result.OutputLines.ShouldBe(
        [
            $"{Authority}: 6 record(s), chain intact",
            $"{Authority}: BROKEN: the state of request/{edited} was altered: it is not the state its last audit record (record 2) hashed",
            $"{Authority}: BROKEN: the state of request/{deleted} is missing: its last audit record (record 4) wrote it",
        ], result.ToString());
    }

    // The year the node numbers in: China's, which the test's clock shares with the node's.
    private static int Year => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;

    // Audit records come only from real work: the node is started, asked for requests, and stopped.
    private static async Task CreateRequestsAsync(NodeStore store, int count)
    {
        var token = await SiloCli.TokenAsync(store, Authority, "officer");
        await using var node = await NodeProcess.StartAsync(store);
        using var api = new RequestsClient(node.Address, token);
        for (var i = 1; i <= count; i++)
        {
            var created = await api.CreateAsync(SampleRequests.EvidenceMarked($"[audit {i}]"), $"audit-{i}");
            created.Status.ShouldBe(HttpStatusCode.Created, created.ToString());
        }
    }
}
