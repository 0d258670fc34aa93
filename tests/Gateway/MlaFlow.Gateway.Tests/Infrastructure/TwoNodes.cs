using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MlaFlow.Grains.Requests;
using MlaFlow.Messaging.Keys;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Silo.Exchange;
using MlaFlow.Testing;
using NodaTime;

namespace MlaFlow.Gateway.Tests.Infrastructure;

/// <summary>
/// Two nodes, each with its own store and keys: CN-MOJ's and TH-OAG's, which know each other's public keys and node
/// addresses (in memory: each posts straight into the other's server, through a handler a test can take down).
/// </summary>
/// <remarks>On SQLite only: both providers are covered where the exchange touches storage (the inbox, the grains).</remarks>
internal sealed class TwoNodes : IAsyncDisposable
{
    private readonly string _keys;

    private TwoNodes(string keys, GatewayNode china, GatewayNode thailand, LateBoundHandler toChina, LateBoundHandler toThailand) =>
        (_keys, China, Thailand, ToChina, ToThailand) = (keys, china, thailand, toChina, toThailand);

    public GatewayNode China { get; }

    public GatewayNode Thailand { get; }

    /// <summary>What Thailand's node posts to China's.</summary>
    public LateBoundHandler ToChina { get; }

    /// <summary>What China's node posts to Thailand's.</summary>
    public LateBoundHandler ToThailand { get; }

    public static async Task<TwoNodes> StartAsync()
    {
        var keys = Directory.CreateTempSubdirectory("mlaflow-exchange-keys-").FullName;
        var (chinaKek, thailandKek) = (RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
        var chinaKeys = Generate(keys, "CN-MOJ", chinaKek);
        var thailandKeys = Generate(keys, "TH-OAG", thailandKek);
        Trust(chinaKeys, thailandKeys, "TH-OAG", thailandKek);
        Trust(thailandKeys, chinaKeys, "CN-MOJ", chinaKek);

        var (toChina, toThailand) = (new LateBoundHandler(), new LateBoundHandler());
        var thailand = await StartAsync("TH-OAG", thailandKeys, thailandKek, peer: "CN-MOJ", toChina);
        var china = await StartAsync("CN-MOJ", chinaKeys, chinaKek, peer: "TH-OAG", toThailand);
        toChina.BindTo(china.Server.CreateHandler());
        toThailand.BindTo(thailand.Server.CreateHandler());
        return new TwoNodes(keys, china, thailand, toChina, toThailand);
    }

    public async ValueTask DisposeAsync()
    {
        await China.DisposeAsync();
        await Thailand.DisposeAsync();
        Directory.Delete(_keys, recursive: true);
    }

    /// <summary>China opens an evidence request and takes it through its procedure until it is sent; returns its id.</summary>
    public static async Task<string> SendEvidenceRequestAsync(HttpClient chineseOfficer, HttpClient chineseProsecutor)
    {
        using var created = await chineseOfficer.PostAsync("/api/v1/requests", Body.Sample(Samples.Evidence));
        var id = (await created.ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        await CompleteAsync(chineseProsecutor, "draft-review", "ready");
        await CompleteAsync(chineseOfficer, "ca-approval", "approved");
        await CompleteAsync(chineseOfficer, "translation", "notRequired");
        return id;
    }

    public static async Task CompleteAsync(HttpClient client, string step, string outcome, JsonObject? form = null)
    {
        var task = await Eventually.FoundAsync(async () =>
        {
            using var tasks = await client.GetAsync("/api/v1/tasks");
            return (await tasks.ShouldBeJsonAsync(HttpStatusCode.OK)).AsArray().FirstOrDefault(t => t!["stepId"]!.GetValue<string>() == step);
        }, $"a task at {step}");
        using var completed = await client.PostAsync($"/api/v1/tasks/{task["id"]}/complete", Body.Json(new JsonObject { ["outcome"] = outcome, ["form"] = form ?? [] }));
        await completed.ShouldBeJsonAsync(HttpStatusCode.OK);
    }

    /// <summary>The request once <paramref name="condition"/> holds of it.</summary>
    public static Task<JsonNode> EventuallyAsync(HttpClient client, string id, Func<JsonNode, bool> condition) =>
        Eventually.FoundAsync(async () =>
        {
            using var response = await client.GetAsync($"/api/v1/requests/{id}");
            var request = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
            return condition(request) ? request : null;
        }, $"request {id} to get there");

    private static string Generate(string keys, string authority, byte[] kek)
    {
        var data = Path.Combine(keys, authority);
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
}
