using Microsoft.Extensions.DependencyInjection;
using MlaFlow.Grains.Exchange;
using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Testing;
using MlaFlow.Testing.Walks;

namespace MlaFlow.Grains.Tests.Walks;

/// <summary>
/// For each kind, a request walked through the real grains and storage reaches each end status of every shipped
/// country's workflows on both sides: created at the requesting authority (and received by the requested one for
/// the requested side), its tasks completed by their roles, its counterpart's messages delivered, its deadlines left
/// to fall due. The status the workflow ends with is the request's stored status.
/// </summary>
public abstract class EndStatusWalkContract(StorageKind kind) : SiloTest(kind)
{
    [SkippableTheory]
    [MemberData(nameof(GrainWalkCases.Representatives), MemberType = typeof(GrainWalkCases))]
    public async Task a_request_walked_through_the_grains_ends_with_the_status_of_its_end_step(string country, string side, string kind, string end)
    {
        var target = WalkTarget.Resolve(country, side, kind, end);
        var walk = GrainWalkCases.Plan(target).ShouldNotBeNull($"No admissible request leads {target} without a signal.");
        var driver = new GrainWalk(Silo, Time, target, walk);

        await driver.RunAsync();

        var stored = (await Silo.Grains.GetGrain<IAssistanceRequestGrain>(driver.Request.Id.Value).GetAsync()).ShouldNotBeNull();
        stored.Status.ShouldBe(Enum.Parse<RequestStatus>(target.End.Status.ToString()), driver.Describe());
        stored.Workflow!.History[^1].StepId.ShouldBe(target.End.Id, driver.Describe());
        stored.Workflow.Steps.ShouldBeEmpty();
    }

    // Only the walked authority's own copy is on this node's books: every counterpart's node is down, so nothing it sends
    // is delivered (the test plays the counterpart).
    protected override Task<TestSilo> StartSiloAsync() =>
        TestSilo.StartAsync(Database, Time, configure: services => services
            .AddSingleton(new ServedAuthorities(new HashSet<AuthorityId>()))
            .AddSingleton<IRemoteExchange>(PeersDown.Everywhere));
}

public sealed class SqliteEndStatusWalkTests() : EndStatusWalkContract(StorageKind.Sqlite);

public sealed class PostgresEndStatusWalkTests() : EndStatusWalkContract(StorageKind.Postgres);
