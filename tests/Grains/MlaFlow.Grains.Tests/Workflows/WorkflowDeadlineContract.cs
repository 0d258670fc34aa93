using System.Text.Json.Nodes;
using Dapper;
using MlaFlow.Grains.Authorities;
using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Testing;

namespace MlaFlow.Grains.Tests.Workflows;

/// <summary>
/// A workflow deadline is a durable Orleans reminder: it fires once, after a node restart, and once with two
/// nodes. China's requesting procedure gives the central authority 5 working days to approve a request
/// (warning 1 working day before); a missed deadline escalates to "approval-overdue".
/// </summary>
public abstract class WorkflowDeadlineContract(StorageKind kind) : DatabaseTest(kind)
{
    private static readonly Actor Prosecutor = new(AuthorityId.Parse("CN-MOJ"), "prosecutor", "li");

    [SkippableFact]
    public async Task an_approval_deadline_escalates_once_after_a_node_restart()
    {
        string id;
        int approval;
        await using (var before = await TestSilo.StartAsync(Database, Time))
        {
            (id, approval) = await AwaitingApprovalAsync(before);
        }

        // Due while no node runs: the node started afterwards acts on it within a minute of its start.
        Time.Advance(TimeSpan.FromDays(10));
        await using var after = await TestSilo.StartAsync(Database, Time, "node-after-restart");
        var request = await EscalatedAsync(after, id);

        request.Workflow!.History.Count(h => h.What == "overdue").ShouldBe(1);
        request.Timeline.ShouldContain(e => e.What.StartsWith("deadline approaching: ca-approval", StringComparison.Ordinal));
        (await RemindersOfTokenAsync(id, approval)).ShouldBeEmpty("the request removes a deadline's reminder once it has acted on it");
        (await TimersFiredAsync(id)).ShouldBe(2); // the warning, then the deadline
    }

    [SkippableFact]
    public async Task approving_in_time_disarms_the_deadline()
    {
        await using var silo = await TestSilo.StartAsync(Database, Time);
        var (id, approval) = await AwaitingApprovalAsync(silo);
        var grain = silo.Grains.GetGrain<IAssistanceRequestGrain>(id);

        await grain.CompleteTaskAsync(Prosecutor with { Role = "officer" }, approval, "approved", []);
        (await RemindersOfTokenAsync(id, approval)).ShouldBeEmpty();

        // Only the next step's own deadline (translation, 10 working days) runs out.
        var request = await Time.AdvanceUntilAsync(TimeSpan.FromDays(30),
            async () => await grain.GetAsync() is { } r && r.WaitingSteps().SequenceEqual(["translation-overdue"]) ? r : null, "translation overdue");
        request.Workflow!.History.ShouldNotContain(h => h.StepId == "ca-approval" && h.What == "overdue");
    }

    protected async Task<(string Id, int Approval)> AwaitingApprovalAsync(TestSilo silo)
    {
        var created = await silo.Grains.GetGrain<IAuthorityGrain>("CN-MOJ").CreateRequestAsync(Drafts.Evidence("deadline"), Prosecutor with { Role = "officer" }, null);
        var grain = silo.Grains.GetGrain<IAssistanceRequestGrain>(created.Request.Id.Value);
        var review = created.Request.Workflow!.Steps.Single();
        review.StepId.ShouldBe("draft-review");
        var approval = await grain.CompleteTaskAsync(Prosecutor, review.Id, "ready", new JsonObject());
        approval.WaitingSteps().ShouldBe(["ca-approval"]);
        return (created.Request.Id.Value, approval.TokenAt("ca-approval"));
    }

    protected Task<AssistanceRequest> EscalatedAsync(TestSilo silo, string id) => Time.AdvanceUntilAsync(TimeSpan.Zero,
        async () => await silo.Grains.GetGrain<IAssistanceRequestGrain>(id).GetAsync() is { } r && r.WaitingSteps().SequenceEqual(["approval-overdue"]) ? r : null,
        "the approval deadline escalated");

    /// <summary>The reminders stored for the deadline and warning of token <paramref name="token"/>.</summary>
    protected async Task<IReadOnlyList<string>> RemindersOfTokenAsync(string id, int token)
    {
        await using var database = Database.Open();
        await using var connection = await database.OpenAsync();
        return [.. await connection.QueryAsync<string>(
            "SELECT name FROM reminders WHERE grain_type = 'request' AND grain_key = @id AND name IN (@due, @warn)",
            new { id, due = $"wf-{token}-due", warn = $"wf-{token}-warn" })];
    }

    /// <summary>How many times a timer changed the request: its audit records of a timer fired.</summary>
    protected async Task<long> TimersFiredAsync(string id)
    {
        await using var database = Database.Open();
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE request_id = @id AND action = 'request.timer-fired'", new { id });
    }
}

public sealed class SqliteWorkflowDeadlineTests() : WorkflowDeadlineContract(StorageKind.Sqlite);

/// <summary>Several nodes share PostgreSQL (the embedded store serves one node), so the two-node case runs here only.</summary>
public sealed class PostgresWorkflowDeadlineTests() : WorkflowDeadlineContract(StorageKind.Postgres)
{
    [SkippableFact]
    public async Task an_approval_deadline_escalates_once_with_two_nodes_in_one_cluster()
    {
        await using var a = await TestSilo.StartAsync(Database, Time, "node-a");
        await using var b = await TestSilo.StartAsync(Database, Time, "node-b");
        var (id, approval) = await AwaitingApprovalAsync(a);

        Time.Advance(TimeSpan.FromDays(10));
        var request = await EscalatedAsync(b, id);

        request.Workflow!.History.Count(h => h.What == "overdue").ShouldBe(1);
        (await TimersFiredAsync(id)).ShouldBe(2);
        (await RemindersOfTokenAsync(id, approval)).ShouldBeEmpty();
    }
}
