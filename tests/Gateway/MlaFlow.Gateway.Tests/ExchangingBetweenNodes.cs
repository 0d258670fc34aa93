using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MlaFlow.Gateway.Security;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Grains.Requests;
using MlaFlow.Messaging.Keys;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Silo.Exchange;
using MlaFlow.Testing;
using NodaTime;

namespace MlaFlow.Gateway.Tests;

/// <summary>
/// Two nodes, each with its own store and keys: CN-MOJ's and TH-OAG's, which know each other's public keys and
/// node addresses (in memory: each posts straight into the other's server). China sends an evidence request through
/// its procedure; it reaches Thailand only as an envelope, opens Thailand's copy, and Thailand's acknowledgement
/// comes back the same way. Each message's signed receipt is kept with the sender's request.
/// </summary>
/// <remarks>On SQLite only: both providers are covered where the exchange touches storage (the inbox, the grains).</remarks>
public sealed class ExchangingBetweenNodes : IAsyncLifetime
{
    private readonly LateBoundHandler _toChina = new();
    private readonly LateBoundHandler _toThailand = new();
    private readonly string _keys = Directory.CreateTempSubdirectory("mlaflow-exchange-keys-").FullName;
    private GatewayNode _china = null!;
    private GatewayNode _thailand = null!;

    public async Task InitializeAsync()
    {
        var (chinaKek, thailandKek) = (RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
        var chinaKeys = Generate("CN-MOJ", chinaKek);
        var thailandKeys = Generate("TH-OAG", thailandKek);
        Trust(chinaKeys, thailandKeys, "TH-OAG", thailandKek);
        Trust(thailandKeys, chinaKeys, "CN-MOJ", chinaKek);

        _thailand = await StartAsync("TH-OAG", thailandKeys, thailandKek, peer: "CN-MOJ", _toChina);
        _china = await StartAsync("CN-MOJ", chinaKeys, chinaKek, peer: "TH-OAG", _toThailand);
        _toChina.BindTo(_china.Server.CreateHandler());
        _toThailand.BindTo(_thailand.Server.CreateHandler());
    }

    public async Task DisposeAsync()
    {
        await _china.DisposeAsync();
        await _thailand.DisposeAsync();
        Directory.Delete(_keys, recursive: true);
    }

    [Fact]
    public async Task a_request_crosses_to_thailands_node_as_an_envelope_and_the_acknowledgement_comes_back()
    {
        using var chineseOfficer = _china.ClientFor("CN-MOJ", Roles.Officer);
        using var chineseProsecutor = _china.ClientFor("CN-MOJ", Roles.Prosecutor);
        using var thaiOfficer = _thailand.ClientFor("TH-OAG", Roles.Officer);
        using var created = await chineseOfficer.PostAsync("/api/v1/requests", Body.Sample(Samples.Evidence));
        var id = (await created.ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        await CompleteAsync(chineseProsecutor, "draft-review", "ready");
        await CompleteAsync(chineseOfficer, "ca-approval", "approved");
        await CompleteAsync(chineseOfficer, "translation", "notRequired");

        var sent = await EventuallyAsync(chineseOfficer, id, r => r["counterpart"] is not null);
        var copy = sent["counterpart"]!.GetValue<string>();
        copy.ShouldStartWith("TH-OAG-");
        var request = sent["outbox"]![0]!;
        request["deliveredAt"].ShouldNotBeNull();
        JsonNode.Parse(request["receipt"]!.GetValue<string>())!["status"]!.GetValue<string>().ShouldBe("accepted");

        await CompleteAsync(thaiOfficer, "register", "registered", new JsonObject { ["registrationNumber"] = "OAG-MLA-2026-31" });

        var acknowledged = await EventuallyAsync(chineseOfficer, id, r => r["receivedMessages"] is JsonArray { Count: 1 });
        acknowledged["timeline"]!.AsArray().Select(e => e!["what"]!.GetValue<string>()).ShouldContain(w => w.StartsWith($"received from TH-OAG ({copy})", StringComparison.Ordinal));
        var thai = await (await thaiOfficer.GetAsync($"/api/v1/requests/{copy}")).ShouldBeJsonAsync(HttpStatusCode.OK);
        thai["outbox"]![0]!["deliveredAt"].ShouldNotBeNull();
    }

    [Fact]
    public async Task a_request_sent_while_thailands_node_is_down_arrives_once_when_it_is_back()
    {
        using var chineseOfficer = _china.ClientFor("CN-MOJ", Roles.Officer);
        using var chineseProsecutor = _china.ClientFor("CN-MOJ", Roles.Prosecutor);
        using var thaiOfficer = _thailand.ClientFor("TH-OAG", Roles.Officer);
        _toThailand.Down = true;
        using var created = await chineseOfficer.PostAsync("/api/v1/requests", Body.Sample(Samples.Evidence));
        var id = (await created.ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        await CompleteAsync(chineseProsecutor, "draft-review", "ready");
        await CompleteAsync(chineseOfficer, "ca-approval", "approved");
        await CompleteAsync(chineseOfficer, "translation", "notRequired");

        // Retried with backoff, then again on the outbox's next round: several attempts fail while the peer is down.
        await Eventually.FoundAsync(() => Task.FromResult<JsonNode?>(_toThailand.Refused >= 5 ? new JsonObject() : null), "attempts on the node that is down");
        (await EventuallyAsync(chineseOfficer, id, r => r["counterpart"] is null))["outbox"]![0]!["deliveredAt"].ShouldBeNull();
        _toThailand.Down = false;

        var sent = await EventuallyAsync(chineseOfficer, id, r => r["counterpart"] is not null);
        var thaiRequests = await (await thaiOfficer.GetAsync("/api/v1/requests")).ShouldBeJsonAsync(HttpStatusCode.OK);
        thaiRequests["total"]!.GetValue<int>().ShouldBe(1);
        thaiRequests["items"]![0]!["id"]!.GetValue<string>().ShouldBe(sent["counterpart"]!.GetValue<string>());
        sent["timeline"]!.AsArray().Count(e => e!["what"]!.GetValue<string>().StartsWith("delivered to TH-OAG", StringComparison.Ordinal)).ShouldBe(1);
    }

    private string Generate(string authority, byte[] kek)
    {
        var data = Path.Combine(_keys, authority);
        using var store = KeyStore.Open(data, KeyProtection.KeyEncryptionKey(kek), SystemClock.Instance);
        store.Generate(AuthorityId.Parse(authority), KeySuite.Default);
        return data;
    }

    private static void Trust(string data, string otherData, string other, byte[] otherKek)
    {
        using var otherStore = KeyStore.Open(otherData, KeyProtection.KeyEncryptionKey(otherKek), SystemClock.Instance);
        var bundle = otherStore.ExportPublic(AuthorityId.Parse(other));
        PeerDirectory.Open(data, SystemClock.Instance).Import(bundle, bundle.Fingerprint);
    }

    private static Task<GatewayNode> StartAsync(string authority, string keys, byte[] kek, string peer, LateBoundHandler toPeer) =>
        GatewayNode.StartAsync(StorageKind.Sqlite, authorities: [authority],
            prepareData: data => Folders.CopyTree(Path.Combine(keys, KeyStore.FolderName), Path.Combine(data, KeyStore.FolderName)),
            settings: new Dictionary<string, string>
            {
                ["MlaFlow:Keys:Kek"] = Convert.ToBase64String(kek),
                [$"MlaFlow:Exchange:Peers:{peer}"] = $"http://{peer.ToLowerInvariant()}.node.test/",
            },
            testServices: services =>
            {
                services.AddSingleton(new ExchangeHttpClient(new HttpClient(toPeer)));
                // The outbox tries again every few seconds instead of every minute, so an outage fits in a test.
                services.AddSingleton(new OutboxSchedule(Duration.FromSeconds(2)));
            });

    private static async Task CompleteAsync(HttpClient client, string step, string outcome, JsonObject? form = null)
    {
        var task = await Eventually.FoundAsync(async () =>
        {
            using var tasks = await client.GetAsync("/api/v1/tasks");
            return (await tasks.ShouldBeJsonAsync(HttpStatusCode.OK)).AsArray().FirstOrDefault(t => t!["stepId"]!.GetValue<string>() == step);
        }, $"a task at {step}");
        using var completed = await client.PostAsync($"/api/v1/tasks/{task["id"]}/complete", Body.Json(new JsonObject { ["outcome"] = outcome, ["form"] = form ?? [] }));
        await completed.ShouldBeJsonAsync(HttpStatusCode.OK);
    }

    private static Task<JsonNode> EventuallyAsync(HttpClient client, string id, Func<JsonNode, bool> condition) =>
        Eventually.FoundAsync(async () =>
        {
            using var response = await client.GetAsync($"/api/v1/requests/{id}");
            var request = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
            return condition(request) ? request : null;
        }, $"request {id} to get there");
}
