using System.Text.Json;
using MlaFlow.Grains.Authorities;
using MlaFlow.Grains.Requests;
using MlaFlow.Grains.Serialization;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Testing;
using Orleans;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace MlaFlow.Grains.Tests.MultiSilo;

/// <summary>
/// Calls between silos of one cluster (Orleans' test host): a grain placed on one silo and called from the other
/// answers with its domain records and refusals whole — they cross as MlaFlow's JSON and as generated exception
/// serializers — and a request has one activation in the cluster, whichever silos call it.
/// </summary>
public sealed class AcrossSilos(TwoSiloCluster cluster) : IClassFixture<TwoSiloCluster>
{
    private static readonly Actor Officer = new(AuthorityId.Parse("CN-MOJ"), "officer", "across");

    [Fact]
    public async Task a_request_placed_on_one_silo_reads_the_same_through_the_other()
    {
        var id = await PlacedOnSecondSiloAsync(Drafts.Evidence("read across"));

        var there = await cluster.GrainsOf(1).GetGrain<IAssistanceRequestGrain>(id).GetAsync();
        var here = await cluster.GrainsOf(0).GetGrain<IAssistanceRequestGrain>(id).GetAsync();

        (await HostOfAsync(id)).ShouldBe(cluster.Silo(1));
        JsonSerializer.Serialize(here, MlaFlowJson.Options).ShouldBe(JsonSerializer.Serialize(there, MlaFlowJson.Options));
        here!.Persons.ShouldBe(Drafts.Evidence("read across").Persons);
        here.Workflow!.Steps.ShouldHaveSingleItem().Title.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task refusals_from_a_grain_on_the_other_silo_arrive_with_their_data()
    {
        var id = await PlacedOnSecondSiloAsync(Drafts.Evidence("refusals across"), idempotencyKey: "across-key");
        var authority = cluster.GrainsOf(0).GetGrain<IAuthorityGrain>("CN-MOJ");
        var request = cluster.GrainsOf(0).GetGrain<IAssistanceRequestGrain>(id);
        var token = (await request.GetAsync())!.TokenAt("draft-review");

        var rejected = await Should.ThrowAsync<RequestRejectedException>(() => authority.CreateRequestAsync(Drafts.Evidence("x") with { Language = LanguageCode.Parse("de") }, Officer, null));
        var reused = await Should.ThrowAsync<IdempotencyKeyReusedException>(() => authority.CreateRequestAsync(Drafts.Evidence("other"), Officer, "across-key"));
        var form = await Should.ThrowAsync<FormRejectedException>(() => request.CompleteTaskAsync(Officer with { Role = "prosecutor" }, token, "ready", new() { ["colour"] = "red" }));
        var role = await Should.ThrowAsync<TaskNotForRoleException>(() => request.CompleteTaskAsync(Officer, token, "ready", []));
        var missing = await Should.ThrowAsync<TaskNotFoundException>(() => request.CompleteTaskAsync(Officer, 99, "ready", []));

        (await HostOfAsync(id)).ShouldBe(cluster.Silo(1));
        rejected.Problems.Keys.ShouldContain("language");
        reused.ExistingRequestId.ShouldBe(id);
        form.Errors.ShouldBe(new Dictionary<string, string> { ["colour"] = "This task's form has no such field." });
        role.Message.ShouldContain("is for the prosecutor, not the officer");
        missing.Message.ShouldContain("#99");
    }

    [Fact]
    public async Task concurrent_changes_through_both_silos_meet_one_activation_and_lose_nothing()
    {
        var id = (await cluster.GrainsOf(0).GetGrain<IAuthorityGrain>("CN-MOJ").CreateRequestAsync(Drafts.Evidence("one activation"), Officer, null)).Request.Id.Value;
        var notes = Enumerable.Range(1, 30).Select(i => $"note {i}").ToList();

        await Task.WhenAll(notes.Select((note, i) => Task.Run(() => cluster.GrainsOf(i % 2).GetGrain<IAssistanceRequestGrain>(id).AddNoteAsync(Officer, note))));

        var statistics = await cluster.GrainsOf(0).GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        statistics.Count(s => s.GrainId == GrainId.Create(GrainTypes.Request, id)).ShouldBe(1);
        var stored = await cluster.GrainsOf(1).GetGrain<IAssistanceRequestGrain>(id).GetAsync();
        stored!.Timeline.Where(e => e.What.StartsWith("note: ", StringComparison.Ordinal)).Select(e => e.What["note: ".Length..]).Order().ShouldBe(notes.Order());
    }

    // The authority's request, made through the first silo with a placement hint: the authority grain (if not active yet)
    // and the new request are activated on the second.
    private async Task<string> PlacedOnSecondSiloAsync(NewAssistanceRequest draft, string? idempotencyKey = null)
    {
        RequestContext.Set(IPlacementDirector.PlacementHintKey, cluster.Silo(1));
        try
        {
            return (await cluster.GrainsOf(0).GetGrain<IAuthorityGrain>("CN-MOJ").CreateRequestAsync(draft, Officer, idempotencyKey)).Request.Id.Value;
        }
        finally
        {
            RequestContext.Clear();
        }
    }

    private async Task<SiloAddress?> HostOfAsync(string id)
    {
        var statistics = await cluster.GrainsOf(0).GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics.SingleOrDefault(s => s.GrainId == GrainId.Create(GrainTypes.Request, id))?.SiloAddress;
    }
}
