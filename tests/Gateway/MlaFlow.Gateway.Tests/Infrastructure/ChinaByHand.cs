using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MlaFlow.Grains;
using MlaFlow.Grains.Authorities;
using MlaFlow.Grains.Exchange;
using MlaFlow.Grains.Requests;
using MlaFlow.Grains.Serialization;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Messaging.Keys;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Testing;
using NodaTime;

namespace MlaFlow.Gateway.Tests.Infrastructure;

/// <summary>
/// CN-MOJ's side of the exchange played by hand against a real node serving TH-OAG: China's key store and peer
/// directory in a folder of their own, Thailand's keys in its node's data folder, each side knowing the other's public
/// keys, and a real request made by China's procedure on a separate silo. A test seals what China's node would send
/// and posts it where China's node would, so it can send what a well-behaved node never does.
/// </summary>
/// <remarks>On SQLite only: the exchange inbox runs on both providers in MlaFlow.Storage.Tests.</remarks>
internal sealed class ChinaByHand : IAsyncDisposable
{
    public static readonly AuthorityId China = AuthorityId.Parse(GatewayNode.China);
    public static readonly AuthorityId Thai = AuthorityId.Parse(GatewayNode.Thailand);

    private readonly string _chinaData;
    private readonly byte[] _chinaKek;
    private readonly KeyStore _chinaKeys;

    private ChinaByHand(string chinaData, byte[] chinaKek, KeyStore chinaKeys, PeerDirectory peers, GatewayNode thailand, AssistanceRequest origin) =>
        (_chinaData, _chinaKek, _chinaKeys, Peers, Thailand, Origin) = (chinaData, chinaKek, chinaKeys, peers, thailand, origin);

    /// <summary>China's peer directory, which verifies Thailand's receipts.</summary>
    public PeerDirectory Peers { get; }

    /// <summary>The node serving TH-OAG.</summary>
    public GatewayNode Thailand { get; }

    /// <summary>China's request, as China's procedure sent it.</summary>
    public AssistanceRequest Origin { get; }

    public static async Task<ChinaByHand> StartAsync()
    {
        var chinaData = Directory.CreateTempSubdirectory("mlaflow-cn-").FullName;
        var chinaKek = RandomNumberGenerator.GetBytes(32);
        var chinaKeys = KeyStore.Open(chinaData, KeyProtection.KeyEncryptionKey(chinaKek), SystemClock.Instance);
        GatewayNode? thailand = null;
        try
        {
            chinaKeys.Generate(China, KeySuite.Default);
            var peers = PeerDirectory.Open(chinaData, SystemClock.Instance);
            var kek = RandomNumberGenerator.GetBytes(32);
            PublicKeyBundle? thai = null;
            thailand = await GatewayNode.StartAsync(StorageKind.Sqlite, authorities: [Thai.Value], prepareData: data =>
            {
                using var keys = KeyStore.Open(data, KeyProtection.KeyEncryptionKey(kek), SystemClock.Instance);
                keys.Generate(Thai, KeySuite.Default);
                thai = keys.ExportPublic(Thai);
                var chinese = chinaKeys.ExportPublic(China);
                PeerDirectory.Open(data, SystemClock.Instance).Import(chinese, chinese.Fingerprint);
            }, settings: new Dictionary<string, string> { ["MlaFlow:Keys:Kek"] = Convert.ToBase64String(kek) });
            peers.Import(thai!, thai!.Fingerprint);
            return new ChinaByHand(chinaData, chinaKek, chinaKeys, peers, thailand, await SentByChinaAsync());
        }
        catch
        {
            // No instance to dispose yet: what was made so far goes here.
            if (thailand is not null)
            {
                await thailand.DisposeAsync();
            }

            chinaKeys.Dispose();
            Directory.Delete(chinaData, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Thailand.DisposeAsync();
        _chinaKeys.Dispose();
        Directory.Delete(_chinaData, recursive: true);
    }

    /// <summary>
    /// Thailand's administrator imports a bundle of China's in which all China's keys are revoked — as <c>keys revoke</c>
    /// on China's node, then <c>keys import-peer</c> on Thailand's, would — while Thailand's node runs. China's own store
    /// is left as it was, so it still seals and signs with them.
    /// </summary>
    public void RevokeChinaAtThailand()
    {
        var copy = Directory.CreateTempSubdirectory("mlaflow-cn-revoked-").FullName;
        try
        {
            Folders.CopyTree(Path.Combine(_chinaData, KeyStore.FolderName), Path.Combine(copy, KeyStore.FolderName));
            using var protection = KeyProtection.KeyEncryptionKey(_chinaKek);
            using var revoking = KeyStore.Open(copy, protection, SystemClock.Instance);
            foreach (var key in revoking.Keys(China))
            {
                revoking.Revoke(China, key.Id);
            }

            var bundle = revoking.ExportPublic(China);
            PeerDirectory.Open(Thailand.DataPath, SystemClock.Instance).Import(bundle, bundle.Fingerprint);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    /// <summary>The id of China's <paramref name="message"/>th message about <see cref="Origin"/>.</summary>
    public string MessageId(int message = 1) => $"{Origin.Id}/m{message}";

    /// <summary>China's envelope to Thailand: <paramref name="payload"/> sealed and signed as <paramref name="message"/>.</summary>
    public Envelope Seal(string type, ExchangePayload payload, int message = 1)
    {
        using var sealer = new EnvelopeSealer(_chinaKeys, Peers, SystemClock.Instance);
        return sealer.Seal(China, Thai, MessageId(message), Origin.Id.Value, type, JsonSerializer.SerializeToUtf8Bytes(payload, MlaFlowJson.Options));
    }

    /// <summary>Posts <paramref name="envelope"/> to Thailand's node.</summary>
    public async Task<HttpResponseMessage> PostAsync(Envelope envelope)
    {
        using var client = Thailand.CreateClient();
        var content = new ByteArrayContent(EnvelopeJson.Serialize(envelope));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await client.PostAsync("/exchange/v1/envelopes", content);
    }

    /// <summary>The signed receipt an exchange endpoint answered with.</summary>
    public static async Task<SignedReceipt> ReceiptAsync(HttpResponseMessage response) => SignedReceipt.Parse(await response.Content.ReadAsByteArrayAsync());

    /// <summary>Rows in one of the exchange's tables of Thailand's node, read as an auditor would.</summary>
    public async Task<long> RowsAsync(string table)
    {
        await using var connection = await Thailand.Store.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    // China's procedure, on a node of its own: the prosecutor's draft, the officer's approval; the request is sent.
    private static async Task<AssistanceRequest> SentByChinaAsync()
    {
        await using var database = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        // Thailand's node is this test's, so China's sees it as down: what China's procedure sends stays in its outbox.
        await using var china = await TestSilo.StartAsync(database, TestTime.At(2026, 11, 22), configure: services => services
            .AddSingleton(new ServedAuthorities(new HashSet<AuthorityId> { China }))
            .AddSingleton<IRemoteExchange>(new PeersDown(Thai)));
        var officer = new Actor(China, "officer", "wang");
        var created = await china.Grains.GetGrain<IAuthorityGrain>(China.Value).CreateRequestAsync(Drafts.Evidence(), officer, null);
        var grain = china.Grains.GetGrain<IAssistanceRequestGrain>(created.Request.Id.Value);
        var request = await grain.CompleteTaskAsync(officer with { Role = "prosecutor" }, created.Request.TokenAt("draft-review"), "ready", []);
        request = await grain.CompleteTaskAsync(officer, request.TokenAt("ca-approval"), "approved", []);
        return await grain.CompleteTaskAsync(officer, request.TokenAt("translation"), "notRequired", []);
    }
}
