using System.Net;
using MlaFlow.Gateway.Security;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Testing;

namespace MlaFlow.Gateway.Tests.Bugs;

/// <summary>
/// <c>src/Silo/appsettings.json</c> ships <c>MlaFlow:Authorities: ["CN-MOJ", "TH-OAG"]</c>, and .NET
/// configuration merges arrays by index: a node configured (environment, command line, another
/// appsettings file) with the single authority CN-MOJ still had TH-OAG at index 1, and served it.
/// </summary>
public abstract class Bug_configured_authorities_merge_with_the_shipped_demo_pair(StorageKind storage)
{
    [SkippableFact]
    public async Task a_node_serves_only_the_authorities_it_is_configured_with()
    {
        await using var node = await GatewayNode.StartAsync(storage, authorities: [GatewayNode.China]);
        using var chinese = node.ClientFor(GatewayNode.China, Roles.Officer);
        using var thai = node.ClientFor(GatewayNode.Thailand, Roles.Officer);

        using var served = await chinese.GetAsync("/api/v1/requests");
        using var notServed = await thai.PostAsync("/api/v1/requests", Body.Json(Samples.EvidenceFromThailand()));

        await served.ShouldBeJsonAsync(HttpStatusCode.OK);
        await notServed.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await node.CountsAsync()).Requests.ShouldBe(0);
    }
}

public sealed class Bug_configured_authorities_merge_with_the_shipped_demo_pairOnSqlite() : Bug_configured_authorities_merge_with_the_shipped_demo_pair(StorageKind.Sqlite);

public sealed class Bug_configured_authorities_merge_with_the_shipped_demo_pairOnPostgres() : Bug_configured_authorities_merge_with_the_shipped_demo_pair(StorageKind.Postgres);
