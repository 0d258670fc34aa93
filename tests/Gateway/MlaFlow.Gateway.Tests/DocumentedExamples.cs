using System.Net;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Testing;

namespace MlaFlow.Gateway.Tests;

/// <summary>The README's example, replayed against a real node, so the documentation never drifts.</summary>
public abstract class DocumentedExamples(StorageKind storage)
{
    [SkippableFact]
    public async Task the_readmes_curl_calls_work_as_written()
    {
        var example = ReadmeExample.Load();
        example.Calls.Count.ShouldBeGreaterThanOrEqualTo(2);
        await using var node = await GatewayNode.StartAsync(storage);
        using var client = node.CreateClient();
        var token = GatewayNode.Token(node.Tokens, example.Authority, example.Role);

        var answers = new List<string>();
        foreach (var call in example.Calls)
        {
            using var request = call.ToRequest(token);
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            response.IsSuccessStatusCode.ShouldBeTrue($"{call.Method} {call.PathAndQuery}: {(int)response.StatusCode} {body}");
            answers.Add(body);
        }

        var created = await node.CountsAsync();
        created.Requests.ShouldBe(1);
        answers[0].ShouldContain($"\"id\":\"{example.Authority}-");
    }

    [SkippableFact]
    public async Task replaying_the_readmes_calls_creates_nothing_new()
    {
        // The example sends an Idempotency-Key, so running it twice must not open a second request.
        var example = ReadmeExample.Load();
        await using var node = await GatewayNode.StartAsync(storage);
        using var client = node.CreateClient();
        var token = GatewayNode.Token(node.Tokens, example.Authority, example.Role);

        var statuses = new List<HttpStatusCode>();
        for (var run = 0; run < 2; run++)
        {
            foreach (var call in example.Calls)
            {
                using var request = call.ToRequest(token);
                using var response = await client.SendAsync(request);
                statuses.Add(response.StatusCode);
            }
        }

        statuses.ShouldAllBe(s => (int)s >= 200 && (int)s < 300);
        (await node.CountsAsync()).Requests.ShouldBe(1);
    }
}

public sealed class DocumentedExamplesOnSqlite() : DocumentedExamples(StorageKind.Sqlite);

public sealed class DocumentedExamplesOnPostgres() : DocumentedExamples(StorageKind.Postgres);
