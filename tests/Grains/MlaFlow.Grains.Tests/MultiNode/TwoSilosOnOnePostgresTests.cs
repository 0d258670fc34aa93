using MlaFlow.Grains.Authorities;
using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Testing;

namespace MlaFlow.Grains.Tests.MultiNode;

/// <summary>
/// Two nodes of one deployment on one PostgreSQL database form one Orleans cluster (MlaFlow's membership table): a
/// request has one activation, wherever it is called from, and its writes are guarded by the database's ETags.
/// </summary>
public sealed class TwoSilosOnOnePostgresTests() : DatabaseTest(StorageKind.Postgres)
{
    private static readonly Actor Officer = new(AuthorityId.Parse("CN-MOJ"), "officer", "test");

    [SkippableFact]
    public async Task concurrent_changes_to_one_request_through_two_silos_lose_nothing_and_need_no_retry()
    {
        await using var a = await TestSilo.StartAsync(Database, Time, "node-a");
        await using var b = await TestSilo.StartAsync(Database, Time, "node-b");
        var created = await a.Grains.GetGrain<IAuthorityGrain>("CN-MOJ").CreateRequestAsync(Drafts.Evidence(), Officer, null);
        var id = created.Request.Id.Value;
        var notes = Enumerable.Range(1, 40).Select(i => $"note {i}").ToList();

        // No retry on InconsistentStateException: with one activation, the writes queue in its turns and none is stale.
        await Task.WhenAll(notes.Select((note, i) => Task.Run(() => (i % 2 == 0 ? a : b).Grains.GetGrain<IAssistanceRequestGrain>(id).AddNoteAsync(Officer, note))));

        await using var reader = await TestSilo.StartAsync(Database, Time, "node-reader");
        var stored = await reader.Grains.GetGrain<IAssistanceRequestGrain>(id).GetAsync();
        stored!.Timeline.Where(e => e.What.StartsWith("note: ", StringComparison.Ordinal)).Select(e => e.What["note: ".Length..])
            .Order().ShouldBe(notes.Order());
        var audit = await reader.VerifyAuditAsync("CN-MOJ");
        audit.IsIntact.ShouldBeTrue(audit.Problem);
        audit.VerifiedRecords.ShouldBe(2 + notes.Count); // number allocated, request created, one per note
    }

    [SkippableFact]
    public async Task the_requests_of_a_node_that_left_are_served_and_their_deadlines_kept_by_the_one_that_stays()
    {
        var a = await TestSilo.StartAsync(Database, Time, "node-a");
        await using var b = await TestSilo.StartAsync(Database, Time, "node-b");
        var requests = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var created = await a.Grains.GetGrain<IAuthorityGrain>("CN-MOJ").CreateRequestAsync(Drafts.Evidence($"left {i}"), Officer, null);
            var grain = a.Grains.GetGrain<IAssistanceRequestGrain>(created.Request.Id.Value);
            await grain.CompleteTaskAsync(Officer with { Role = "prosecutor" }, created.Request.TokenAt("draft-review"), "ready", []);
            requests.Add(created.Request.Id.Value);
        }

        await a.DisposeAsync();

        // China's central authority has 5 working days to approve; every request escalates once, on the node that stayed.
        Time.Advance(TimeSpan.FromDays(10));
        foreach (var id in requests)
        {
            var request = await Time.AdvanceUntilAsync(TimeSpan.Zero,
                async () => await b.Grains.GetGrain<IAssistanceRequestGrain>(id).GetAsync() is { } r && r.WaitingSteps().Contains("approval-overdue") ? r : null,
                $"{id} escalated");
            request.Workflow!.History.Count(h => h.What == "overdue").ShouldBe(1);
        }

        (await b.VerifyAuditAsync("CN-MOJ")).IsIntact.ShouldBeTrue();
    }
}
