using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MlaFlow.Gateway.Security;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Grains;
using MlaFlow.Grains.Authorities;
using MlaFlow.Grains.Exchange;
using MlaFlow.Grains.Requests;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Messaging.Keys;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Runtime.Serialization;
using MlaFlow.Testing;
using NodaTime;

namespace MlaFlow.Gateway.Tests;

/// <summary>
/// <c>POST /exchange/v1/envelopes</c> on a node serving TH-OAG, whose keys are in its data folder and which knows
/// CN-MOJ's public keys. CN-MOJ's side is played by its own key store and a real request made by China's procedure
/// on a separate node: the envelope opens Thailand's copy, is answered with a receipt CN-MOJ can verify, and is
/// kept, sealed, in the node's exchange inbox. Anything refused is delivered to no one and kept nowhere.
/// </summary>
/// <remarks>On SQLite only: the inbox runs on both providers in MlaFlow.Runtime.Tests.</remarks>
public sealed class ReceivingEnvelopes : IAsyncLifetime
{
    private static readonly AuthorityId China = AuthorityId.Parse("CN-MOJ");
    private static readonly AuthorityId Thailand = AuthorityId.Parse("TH-OAG");

    private readonly string _chinaData = Directory.CreateTempSubdirectory("mlaflow-cn-").FullName;
    private KeyStore _chinaKeys = null!;
    private PeerDirectory _chinaPeers = null!;
    private GatewayNode _node = null!;
    private AssistanceRequest _origin = null!;

    public async Task InitializeAsync()
    {
        _chinaKeys = KeyStore.Open(_chinaData, KeyProtection.KeyEncryptionKey(RandomNumberGenerator.GetBytes(32)), SystemClock.Instance);
        _chinaKeys.Generate(China, KeySuite.Default);
        _chinaPeers = PeerDirectory.Open(_chinaData, SystemClock.Instance);
        var kek = RandomNumberGenerator.GetBytes(32);
        PublicKeyBundle? thai = null;
        _node = await GatewayNode.StartAsync(StorageKind.Sqlite, authorities: [Thailand.Value], prepareData: data =>
        {
            using var keys = KeyStore.Open(data, KeyProtection.KeyEncryptionKey(kek), SystemClock.Instance);
            keys.Generate(Thailand, KeySuite.Default);
            thai = keys.ExportPublic(Thailand);
            var chinese = _chinaKeys.ExportPublic(China);
            PeerDirectory.Open(data, SystemClock.Instance).Import(chinese, chinese.Fingerprint);
        }, settings: new Dictionary<string, string> { ["MlaFlow:Keys:Kek"] = Convert.ToBase64String(kek) });
        _chinaPeers.Import(thai!, thai!.Fingerprint);
        _origin = await SentByChinaAsync();
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _chinaKeys.Dispose();
        Directory.Delete(_chinaData, recursive: true);
    }

    [Fact]
    public async Task a_request_envelope_opens_thailands_copy_and_is_answered_with_a_receipt_china_can_verify()
    {
        using var response = await PostAsync(Seal("request", ExchangePayload.ForRequest(_origin)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var receipt = await ReceiptAsync(response);
        receipt.IsSignedBy(_chinaPeers).ShouldBeTrue();
        receipt.Receipt.Status.ShouldBe(ReceiptStatus.Accepted);
        var copy = receipt.Receipt.RequestId.ShouldNotBeNull();
        copy.ShouldStartWith("TH-OAG-");
        using var thai = _node.ClientFor(Thailand.Value, Roles.Officer);
        var opened = await (await thai.GetAsync($"/api/v1/requests/{copy}")).ShouldBeJsonAsync(HttpStatusCode.OK);
        opened["side"]!.GetValue<string>().ShouldBe("requested");
        opened["counterpart"]!.GetValue<string>().ShouldBe(_origin.Id.Value);
        opened["status"]!.GetValue<string>().ShouldBe("inProgress");
        (await InboxAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task the_same_envelope_again_is_rejected_as_a_replay_naming_the_copy_the_first_opened()
    {
        var envelope = Seal("request", ExchangePayload.ForRequest(_origin));
        using var first = await PostAsync(envelope);
        var copy = (await ReceiptAsync(first)).Receipt.RequestId;
        var before = await _node.CountsAsync();

        using var again = await PostAsync(envelope);

        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var receipt = await ReceiptAsync(again);
        receipt.IsSignedBy(_chinaPeers).ShouldBeTrue();
        (receipt.Receipt.Status, receipt.Receipt.Reason, receipt.Receipt.RequestId).ShouldBe((ReceiptStatus.Rejected, "replayed", copy));
        (await _node.CountsAsync()).ShouldBe(before);
        (await InboxAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task a_tampered_envelope_is_rejected_with_a_signed_reason_and_nothing_is_kept()
    {
        var envelope = Seal("request", ExchangePayload.ForRequest(_origin));
        var ciphertext = envelope.Ciphertext.ToArray();
        ciphertext[^1] ^= 0x01;
        var before = await _node.CountsAsync();

        using var response = await PostAsync(envelope with { Ciphertext = ciphertext });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var receipt = await ReceiptAsync(response);
        receipt.IsSignedBy(_chinaPeers).ShouldBeTrue();
        (receipt.Receipt.Status, receipt.Receipt.Reason).ShouldBe((ReceiptStatus.Rejected, "badSignature"));
        (await _node.CountsAsync()).ShouldBe(before);
        (await InboxAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_later_message_reaches_the_copy_it_names()
    {
        using var first = await PostAsync(Seal("request", ExchangePayload.ForRequest(_origin)));
        var copy = (await ReceiptAsync(first)).Receipt.RequestId!;

        using var response = await PostAsync(Seal("withdrawal", ExchangePayload.ForCopy(copy), message: 2));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var thai = _node.ClientFor(Thailand.Value, Roles.Officer);
        var read = await (await thai.GetAsync($"/api/v1/requests/{copy}")).ShouldBeJsonAsync(HttpStatusCode.OK);
        read["receivedMessages"]!.AsArray().Select(m => m!.GetValue<string>()).ShouldBe([$"{_origin.Id}/m1", $"{_origin.Id}/m2"]);
    }

    [Fact]
    public async Task a_message_for_a_copy_that_is_not_the_senders_counterpart_is_undeliverable()
    {
        var before = await _node.CountsAsync();

        using var response = await PostAsync(Seal("withdrawal", ExchangePayload.ForCopy("TH-OAG-2026-000001"), message: 2));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await ReceiptAsync(response)).Receipt.Reason.ShouldBe("undeliverable");
        (await _node.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task a_document_that_is_not_an_envelope_is_a_bad_request()
    {
        using var client = _node.CreateClient();

        using var response = await client.PostAsync("/exchange/v1/envelopes", Body.Json("""{ "version": 1 }"""));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["reason"]!.GetValue<string>().ShouldBe("malformed");
    }

    private Envelope Seal(string type, ExchangePayload payload, int message = 1) =>
        new EnvelopeSealer(_chinaKeys, _chinaPeers, SystemClock.Instance).Seal(China, Thailand, $"{_origin.Id}/m{message}", _origin.Id.Value, type,
            JsonSerializer.SerializeToUtf8Bytes(payload, MlaFlowJson.Options));

    private async Task<HttpResponseMessage> PostAsync(Envelope envelope)
    {
        using var client = _node.CreateClient();
        var content = new ByteArrayContent(EnvelopeJson.Serialize(envelope));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await client.PostAsync("/exchange/v1/envelopes", content);
    }

    private static async Task<SignedReceipt> ReceiptAsync(HttpResponseMessage response) => SignedReceipt.Parse(await response.Content.ReadAsByteArrayAsync());

    private async Task<long> InboxAsync()
    {
        await using var connection = await _node.Store.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM exchange_inbox";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    // China's procedure, on a node of its own: the prosecutor's draft, the officer's approval; the request is sent.
    private static async Task<AssistanceRequest> SentByChinaAsync()
    {
        await using var database = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        await using var china = await TestSilo.StartAsync(database, FakeClock.At(2026, 11, 22), configure: services =>
            services.AddSingleton(new ServedAuthorities(new HashSet<AuthorityId> { China })));
        var officer = new Actor(China, "officer", "wang");
        var created = await china.Grains.GetGrain<IAuthorityGrain>(China.Value).CreateRequestAsync(Drafts.Evidence(), officer, null);
        var grain = china.Grains.GetGrain<IAssistanceRequestGrain>(created.Request.Id.Value);
        var request = await grain.CompleteTaskAsync(officer with { Role = "prosecutor" }, created.Request.TokenAt("draft-review"), "ready", []);
        request = await grain.CompleteTaskAsync(officer, request.TokenAt("ca-approval"), "approved", []);
        return await grain.CompleteTaskAsync(officer, request.TokenAt("translation"), "notRequired", []);
    }
}
