using System.Text.Json.Nodes;
using MlaFlow.Grains.Authorities;
using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Testing;
using NodaTime;

namespace MlaFlow.Grains.Tests.Workflows;

/// <summary>
/// A workflow deadline is a durable reminder: it fires once, after a node restart, and once with two
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
        await using (var before = await TestSilo.StartAsync(Database, Clock))
        {
            id = await AwaitingApprovalAsync(before);
        }

        Clock.Advance(Duration.FromDays(10));
        await using var after = await TestSilo.StartAsync(Database, Clock, "node-after-restart");
        (await after.RunDueRemindersAsync()).ShouldBe(2); // the warning, then the deadline
        (await after.RunDueRemindersAsync()).ShouldBe(0);

        var request = await after.Grains.GetGrain<IAssistanceRequestGrain>(id).GetAsync();
        request!.WaitingSteps().ShouldBe(["approval-overdue"]);
        request!.Workflow!.History.Count(h => h.What == "overdue").ShouldBe(1);
        request.Timeline.ShouldContain(e => e.What.StartsWith("deadline approaching: ca-approval", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task approving_in_time_disarms_the_deadline()
    {
        await using var silo = await TestSilo.StartAsync(Database, Clock);
        var id = await AwaitingApprovalAsync(silo);
        var grain = silo.Grains.GetGrain<IAssistanceRequestGrain>(id);
        var approval = (await grain.GetAsync())!.Workflow!.Tokens.Single().Id;

        await grain.CompleteTaskAsync(Prosecutor with { Role = "officer" }, approval, "approved", []);
        Clock.Advance(Duration.FromDays(30));
        await silo.RunDueRemindersAsync();

        // Only the next step's own deadline (translation, 10 working days) has run out.
        var request = (await grain.GetAsync())!;
        request.Workflow!.History.ShouldNotContain(h => h.StepId == "ca-approval" && h.What == "overdue");
        request.WaitingSteps().ShouldBe(["translation-overdue"]);
    }

    protected async Task<string> AwaitingApprovalAsync(TestSilo silo)
    {
        var created = await silo.Grains.GetGrain<IAuthorityGrain>("CN-MOJ").CreateRequestAsync(Drafts.Evidence("deadline"), Prosecutor with { Role = "officer" }, null);
        var grain = silo.Grains.GetGrain<IAssistanceRequestGrain>(created.Request.Id.Value);
        var review = created.Request.Workflow!.Tokens.Single();
        review.StepId.ShouldBe("draft-review");
        var approval = await grain.CompleteTaskAsync(Prosecutor, review.Id, "ready", new JsonObject());
        approval.WaitingSteps().ShouldBe(["ca-approval"]);
        return created.Request.Id.Value;
    }
}

public sealed class SqliteWorkflowDeadlineTests() : WorkflowDeadlineContract(StorageKind.Sqlite);

/// <summary>Several nodes share PostgreSQL (the embedded store serves one node), so the two-node case runs here only.</summary>
public sealed class PostgresWorkflowDeadlineTests() : WorkflowDeadlineContract(StorageKind.Postgres)
{
    [SkippableFact]
    public async Task an_approval_deadline_escalates_once_with_two_nodes_polling_together()
    {
        await using var a = await TestSilo.StartAsync(Database, Clock, "node-a");
        await using var b = await TestSilo.StartAsync(Database, Clock, "node-b");
        var id = await AwaitingApprovalAsync(a);

        Clock.Advance(Duration.FromDays(10));
        var delivered = await Task.WhenAll(a.RunDueRemindersAsync(), b.RunDueRemindersAsync());

        delivered.Sum().ShouldBe(2);
        var request = await b.Grains.GetGrain<IAssistanceRequestGrain>(id).GetAsync();
        request!.WaitingSteps().ShouldBe(["approval-overdue"]);
        request!.Workflow!.History.Count(h => h.What == "overdue").ShouldBe(1);
    }
}

