using System.Net;
using MlaFlow.Gateway.Security;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Testing;

namespace MlaFlow.Gateway.Tests;

/// <summary>What a node answers besides the requests API, and how it takes its configuration.</summary>
public abstract class NodeEndpoints(StorageKind storage)
{
    [SkippableFact]
    public async Task health_is_reported_when_storage_answers()
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var anonymous = node.CreateClient();

        using var response = await anonymous.GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [SkippableFact]
    public async Task the_openapi_document_describes_the_requests_api()
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var anonymous = node.CreateClient();

        using var response = await anonymous.GetAsync("/openapi/v1.json");

        var document = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        var paths = document["paths"]!.AsObject();
        paths.ContainsKey("/api/v1/requests").ShouldBeTrue(string.Join(", ", paths.Select(p => p.Key)));
        paths["/api/v1/requests"]!.AsObject().Select(o => o.Key).ShouldBe(["post", "get"], ignoreOrder: true);
        paths.ContainsKey("/api/v1/requests/{id}").ShouldBeTrue();
        paths.ContainsKey("/api/v1/requests/{id}/notes").ShouldBeTrue();
    }

    [SkippableFact]
    public async Task without_a_configured_key_the_node_signs_tokens_with_a_key_of_its_own_in_the_data_folder()
    {
        await using var node = await GatewayNode.StartAsync(storage, configureSigningKey: false);
        using var officer = node.ClientFor(GatewayNode.China, Roles.Officer);

        using var response = await officer.GetAsync("/api/v1/requests");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var keyFile = Path.Combine(node.DataPath, "token-signing.key");
        File.Exists(keyFile).ShouldBeTrue();
        Convert.FromBase64String(await File.ReadAllTextAsync(keyFile)).Length.ShouldBeGreaterThanOrEqualTo(TokenSettings.MinimumKeyBytes);
    }
}

public sealed class NodeEndpointsOnSqlite() : NodeEndpoints(StorageKind.Sqlite);

public sealed class NodeEndpointsOnPostgres() : NodeEndpoints(StorageKind.Postgres);
