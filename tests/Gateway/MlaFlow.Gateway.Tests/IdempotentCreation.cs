using System.Net;
using MlaFlow.Gateway.Security;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Testing;

namespace MlaFlow.Gateway.Tests;

/// <summary>
/// A client that did not hear the answer to a create sends it again with the same <c>Idempotency-Key</c>;
/// it must get the request it already made, never a second one.
/// </summary>
public abstract class IdempotentCreation(StorageKind storage)
{
    [SkippableFact]
    public async Task an_idempotent_retry_returns_the_same_request()
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var officer = node.ClientFor(GatewayNode.China, Roles.Officer);
        var first = await CreateAsync(officer, "retry-1", Samples.Evidence);
        var afterFirst = await node.CountsAsync();

        var retry = await CreateAsync(officer, "retry-1", Samples.Evidence);

        retry.ShouldBe(first with { Replayed = true });
        (await node.CountsAsync()).ShouldBe(afterFirst);
        afterFirst.Requests.ShouldBe(1);
    }

    [SkippableFact]
    public async Task reusing_an_idempotency_key_for_another_body_is_refused_and_writes_nothing()
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var officer = node.ClientFor(GatewayNode.China, Roles.Officer);
        var first = await CreateAsync(officer, "retry-2", Samples.Evidence);
        var afterFirst = await node.CountsAsync();

        using var reused = await officer.SendAsync(Post("retry-2", Samples.Extradition));

        var problem = await reused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem["detail"]!.GetValue<string>().ShouldContain(first.Id);
        (await node.CountsAsync()).ShouldBe(afterFirst);
    }

    [SkippableFact]
    public async Task one_idempotency_key_names_one_request_per_authority()
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var chinese = node.ClientFor(GatewayNode.China, Roles.Officer);
        using var thai = node.ClientFor(GatewayNode.Thailand, Roles.Officer);
        var china = await CreateAsync(chinese, "shared-key", Samples.Evidence);

        using var response = await thai.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests")
        {
            Content = Body.Json(Samples.EvidenceFromThailand()),
            Headers = { { "Idempotency-Key", "shared-key" } },
        });

        var thailand = (await response.ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        thailand.ShouldStartWith("TH-OAG-");
        thailand.ShouldNotBe(china.Id);
        (await node.CountsAsync()).Requests.ShouldBe(2);
    }

    [SkippableFact]
    public async Task without_an_idempotency_key_the_same_body_makes_a_second_request()
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var officer = node.ClientFor(GatewayNode.China, Roles.Officer);

        using var first = await officer.PostAsync("/api/v1/requests", Body.Sample(Samples.Evidence));
        using var second = await officer.PostAsync("/api/v1/requests", Body.Sample(Samples.Evidence));

        var firstId = (await first.ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var secondId = (await second.ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        secondId.ShouldNotBe(firstId);
        (await node.CountsAsync()).Requests.ShouldBe(2);
    }

    [SkippableTheory]
    [InlineData("has space")]
    [InlineData("ключ")]
    public async Task a_malformed_idempotency_key_is_refused_and_writes_nothing(string key)
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var officer = node.ClientFor(GatewayNode.China, Roles.Officer);
        var before = await node.CountsAsync();
        using var request = Post("ignored", Samples.Evidence);
        request.Headers.Remove("Idempotency-Key");
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key).ShouldBeTrue();

        using var response = await officer.SendAsync(request);

        await response.ShouldBeRefusedAsync("Idempotency-Key");
        (await node.CountsAsync()).ShouldBe(before);
    }

    private static HttpRequestMessage Post(string idempotencyKey, string sample) => new(HttpMethod.Post, "/api/v1/requests")
    {
        Content = Body.Sample(sample),
        Headers = { { "Idempotency-Key", idempotencyKey } },
    };

    /// <summary>Creates a request, expecting 201, and returns what the answer says of it.</summary>
    private static async Task<Created> CreateAsync(HttpClient client, string idempotencyKey, string sample)
    {
        using var request = Post(idempotencyKey, sample);
        using var response = await client.SendAsync(request);
        var id = (await response.ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        return new Created(id, response.Headers.Location, response.Headers.TryGetValues("Idempotent-Replayed", out var replayed) && replayed.Single() == "true");
    }

    private sealed record Created(string Id, Uri? Location, bool Replayed);
}

public sealed class IdempotentCreationOnSqlite() : IdempotentCreation(StorageKind.Sqlite);

public sealed class IdempotentCreationOnPostgres() : IdempotentCreation(StorageKind.Postgres);
