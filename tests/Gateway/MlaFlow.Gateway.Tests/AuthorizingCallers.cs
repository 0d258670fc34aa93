using System.Net;
using System.Security.Cryptography;
using MlaFlow.Gateway.Security;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Testing;

namespace MlaFlow.Gateway.Tests;

/// <summary>
/// Who may use <c>/api/v1/requests</c> and the tasks: officers and prosecutors of an authority the node serves; and
/// the migrations: its admins. Anyone else is turned away before a handler runs, with a problem answer, and nothing is
/// written.
/// </summary>
public abstract class AuthorizingCallers(StorageKind storage)
{
    [SkippableTheory]
    [InlineData(Roles.Officer)]
    [InlineData(Roles.Prosecutor)]
    public async Task case_workers_create_get_and_list_requests(string role)
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var caller = node.ClientFor(GatewayNode.China, role);

        using var created = await caller.PostAsync("/api/v1/requests", Body.Sample(Samples.ProvisionalArrest));
        var id = (await created.ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        using var read = await caller.GetAsync($"/api/v1/requests/{id}");
        using var listed = await caller.GetAsync("/api/v1/requests");

        var timeline = (await read.ShouldBeJsonAsync(HttpStatusCode.OK))["timeline"]!.AsArray();
        timeline.Single()!["actor"]!.GetValue<string>().ShouldContain(role);
        (await listed.ShouldBeJsonAsync(HttpStatusCode.OK))["items"]!.AsArray().Single()!["id"]!.GetValue<string>().ShouldBe(id);
    }

    [SkippableFact]
    public async Task an_admin_reads_and_writes_no_case_files()
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var officer = node.ClientFor(GatewayNode.China, Roles.Officer);
        using var created = await officer.PostAsync("/api/v1/requests", Body.Sample(Samples.Evidence));
        var id = (await created.ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var before = await node.CountsAsync();
        using var admin = node.ClientFor(GatewayNode.China, Roles.Admin);

        foreach (var call in CaseWorkEndpoints(id))
        {
            using var request = call();
            using var response = await admin.SendAsync(request);
            await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }

        (await node.CountsAsync()).ShouldBe(before);
    }

    [SkippableTheory]
    [InlineData(Roles.Officer)]
    [InlineData(Roles.Prosecutor)]
    public async Task case_workers_migrate_no_workflow(string role)
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var officer = node.ClientFor(GatewayNode.China, Roles.Officer);
        using var created = await officer.PostAsync("/api/v1/requests", Body.Sample(Samples.Evidence));
        var id = (await created.ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var before = await node.CountsAsync();
        using var caseWorker = node.ClientFor(GatewayNode.China, role);

        foreach (var call in OperatorEndpoints(id))
        {
            using var request = call();
            using var response = await caseWorker.SendAsync(request);
            await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }

        (await node.CountsAsync()).ShouldBe(before);
    }

    [SkippableFact]
    public async Task a_call_without_a_token_is_unauthorized()
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var anonymous = node.CreateClient();

        await EveryEndpointAnswersAsync(node, anonymous, HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task a_token_signed_with_another_key_is_unauthorized()
    {
        await using var node = await GatewayNode.StartAsync(storage);
        var forger = new TokenIssuer(new TokenSettings(RandomNumberGenerator.GetBytes(32)));
        using var forged = node.ClientWith(GatewayNode.Token(forger, GatewayNode.China, Roles.Officer));

        await EveryEndpointAnswersAsync(node, forged, HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task an_expired_token_is_unauthorized()
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var expired = node.ClientWith(GatewayNode.Token(node.Tokens, GatewayNode.China, Roles.Officer, DateTimeOffset.UtcNow.AddHours(-1)));

        await EveryEndpointAnswersAsync(node, expired, HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task a_token_that_is_not_a_jwt_is_unauthorized()
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var garbled = node.ClientWith("not-a-token");

        await EveryEndpointAnswersAsync(node, garbled, HttpStatusCode.Unauthorized);
    }

    [SkippableFact]
    public async Task a_token_of_an_authority_the_node_does_not_serve_is_forbidden()
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var vietnamese = node.ClientFor("VN-MPS", Roles.Officer);

        await EveryEndpointAnswersAsync(node, vietnamese, HttpStatusCode.Forbidden);
    }

    /// <summary>Calls every endpoint (on an existing CN-MOJ request) and expects <paramref name="status"/> from each, with nothing written.</summary>
    private static async Task EveryEndpointAnswersAsync(GatewayNode node, HttpClient client, HttpStatusCode status)
    {
        using var officer = node.ClientFor(GatewayNode.China, Roles.Officer);
        using var created = await officer.PostAsync("/api/v1/requests", Body.Sample(Samples.Evidence));
        var id = (await created.ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var before = await node.CountsAsync();

        foreach (var call in CaseWorkEndpoints(id).Concat(OperatorEndpoints(id)))
        {
            using var request = call();
            using var response = await client.SendAsync(request);
            await response.ShouldBeProblemAsync(status);
        }

        (await node.CountsAsync()).ShouldBe(before);
    }

    private static IEnumerable<Func<HttpRequestMessage>> CaseWorkEndpoints(string id) =>
    [
        () => new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests") { Content = Body.Sample(Samples.Extradition) },
        () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/requests/{id}"),
        () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/requests?kind=evidence"),
        () => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/requests/{id}/notes") { Content = Body.Note("Not allowed.") },
        () => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/requests/{id}/signals/withdraw"),
        () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/requests/{id}/messages"),
        () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/tasks"),
        () => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tasks/{id}.1/complete") { Content = Body.Json("""{ "outcome": "ready" }""") },
        () => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tasks/{id}.1/retry"),
        () => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tasks/{id}.1/route") { Content = Body.Json("""{ "outcome": "ready" }""") },
    ];

    private static IEnumerable<Func<HttpRequestMessage>> OperatorEndpoints(string id) =>
    [
        () => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/requests/{id}/workflow/migrate")
        {
            Content = Body.Json("""{ "version": 2, "steps": { "draft-review": "drafting" }, "reason": "v2" }"""),
        },
        () => new HttpRequestMessage(HttpMethod.Post, "/api/v1/workflows/migrations")
        {
            Content = Body.Json("""{ "procedure": { "country": "CN", "side": "requesting", "kind": "evidence", "version": 1 }, "version": 2, "steps": { "draft-review": "drafting" }, "reason": "v2", "dryRun": false }"""),
        },
    ];
}

public sealed class AuthorizingCallersOnSqlite() : AuthorizingCallers(StorageKind.Sqlite);

public sealed class AuthorizingCallersOnPostgres() : AuthorizingCallers(StorageKind.Postgres);
