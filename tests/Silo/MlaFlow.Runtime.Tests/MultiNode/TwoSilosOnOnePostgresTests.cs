using MlaFlow.Grains;
using MlaFlow.Grains.Authorities;
using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Runtime.State;
using MlaFlow.Runtime.Tests.TestGrains;
using MlaFlow.Testing;
using NodaTime;

namespace MlaFlow.Runtime.Tests.MultiNode;

/// <summary>
/// Two nodes of one deployment sharing PostgreSQL, each with its own activations: correctness comes
/// from the database (ETags, row locks, SKIP LOCKED), with no coordination between the nodes.
/// </summary>
public sealed class TwoSilosOnOnePostgresTests() : DatabaseTest(StorageKind.Postgres)
{
    [SkippableFact]
    public async Task concurrent_writes_to_one_request_from_two_silos_lose_no_update()
    {
        await using var a = await TestSilos.StartAsync(Database, Clock, "node-a");
        await using var b = await TestSilos.StartAsync(Database, Clock, "node-b");
        var officer = new Actor(AuthorityId.Parse("CN-MOJ"), "officer", "test");
        var created = await a.Grains.GetGrain<IAuthorityGrain>("CN-MOJ").CreateRequestAsync(Drafts.Evidence(), officer, null);
        var id = created.Request.Id.Value;
        var notes = Enumerable.Range(1, 40).Select(i => $"note {i}").ToList();

        await Task.WhenAll(notes.Select((note, i) => Task.Run(() =>
            ConcurrentWrite.RetryAsync(() => (i % 2 == 0 ? a : b).Grains.GetGrain<IAssistanceRequestGrain>(id).AddNoteAsync(officer, note), attempts: 100))));

        await using var reader = await TestSilos.StartAsync(Database, Clock, "node-reader");
        var stored = await reader.Grains.GetGrain<IAssistanceRequestGrain>(id).GetAsync();
        stored!.Timeline.Where(e => e.What.StartsWith("note: ", StringComparison.Ordinal)).Select(e => e.What["note: ".Length..])
            .Order().ShouldBe(notes.Order());
        var audit = await reader.VerifyAuditAsync("CN-MOJ");
        audit.IsIntact.ShouldBeTrue(audit.Problem);
        audit.VerifiedRecords.ShouldBe(2 + notes.Count); // number allocated, request created, one per note
    }

    [SkippableFact]
    public async Task a_periodic_reminder_fires_exactly_once_per_period_across_two_silos_and_a_restart()
    {
        var period = Duration.FromMinutes(1);
        var first = Clock.GetCurrentInstant() + period;
        var a = await TestSilos.StartAsync(Database, Clock, "node-a");
        await using var b = await TestSilos.StartAsync(Database, Clock, "node-b");
        await a.Grains.GetGrain<ITickGrain>("shared").StartAsync(first, period);

        var delivered = 0;
        for (var tick = 1; tick <= 10; tick++)
        {
            if (tick == 6)
            {
                await a.DisposeAsync(); // node A restarts between two periods
                a = await TestSilos.StartAsync(Database, Clock, "node-a-restarted");
            }

            Clock.Advance(period);
            var counts = await Task.WhenAll(a.RunDueRemindersAsync(), b.RunDueRemindersAsync());
            delivered += counts.Sum();
        }

        var ticks = await b.Grains.GetGrain<ITickGrain>("shared").TicksAsync();
        await a.DisposeAsync();
        delivered.ShouldBe(10);
        ticks.ShouldBe(Enumerable.Range(0, 10).Select(i => first + period * i));
    }
}
