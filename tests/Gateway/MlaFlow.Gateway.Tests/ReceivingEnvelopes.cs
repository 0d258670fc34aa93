using System.Net;
using MlaFlow.Gateway.Security;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Grains.Exchange;
using MlaFlow.Grains.Requests;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Testing;
using static MlaFlow.Gateway.Tests.Infrastructure.ChinaByHand;

namespace MlaFlow.Gateway.Tests;

/// <summary>
/// <c>POST /exchange/v1/envelopes</c> on a node serving TH-OAG, whose keys are in its data folder and which knows
/// CN-MOJ's public keys. CN-MOJ's side is played by hand (<see cref="ChinaByHand"/>): the envelope opens Thailand's
/// copy, is answered with a receipt CN-MOJ can verify, and is kept, sealed, in the node's exchange inbox.
/// Anything refused is delivered to no one and kept nowhere.
/// </summary>
public sealed class ReceivingEnvelopes : IAsyncLifetime
{
    private ChinaByHand _china = null!;
    private GatewayNode _node = null!;
    private AssistanceRequest _origin = null!;

    public async Task InitializeAsync()
    {
        _china = await ChinaByHand.StartAsync();
        (_node, _origin) = (_china.Thailand, _china.Origin);
    }

    public async Task DisposeAsync() => await _china.DisposeAsync();

    [Fact]
    public async Task a_sender_revoked_while_the_node_runs_is_refused_within_seconds_without_a_restart()
    {
        (await ProbeAsync(1)).ShouldBe("undeliverable", "China's key is trusted: the envelope opens, and only its made-up type is refused");

        _china.RevokeChinaAtThailand();

        // Each probe is refused either way, and nothing is kept: which refusal shows whether the node saw the revocation.
        var message = 1;
        await Eventually.FoundAsync(async () => await ProbeAsync(++message) == "senderKeyRefused" ? "refused" : null, "Thailand's node to refuse China's revoked key");
        (await _node.CountsAsync()).Requests.ShouldBe(0);
    }

    // An envelope of a type no message has, from China: refused with the reason the node gives first.
    private async Task<string?> ProbeAsync(int message)
    {
        using var response = await _china.PostAsync(_china.Seal("notAMessageType", ExchangePayload.ForCopy("TH-OAG-2026-000001"), message));
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
        return (await ReceiptAsync(response)).Receipt.Reason;
    }

    [Fact]
    public async Task a_request_envelope_opens_thailands_copy_and_is_answered_with_a_receipt_china_can_verify()
    {
        using var response = await _china.PostAsync(_china.Seal("request", ExchangePayload.ForRequest(_origin)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var receipt = await ReceiptAsync(response);
        receipt.IsSignedBy(_china.Peers).ShouldBeTrue();
        receipt.Receipt.Status.ShouldBe(ReceiptStatus.Accepted);
        var copy = receipt.Receipt.RequestId.ShouldNotBeNull();
        copy.ShouldStartWith("TH-OAG-");
        using var thai = _node.ClientFor(GatewayNode.Thailand, Roles.Officer);
        var opened = await (await thai.GetAsync($"/api/v1/requests/{copy}")).ShouldBeJsonAsync(HttpStatusCode.OK);
        opened["side"]!.GetValue<string>().ShouldBe("requested");
        opened["counterpart"]!.GetValue<string>().ShouldBe(_origin.Id.Value);
        opened["status"]!.GetValue<string>().ShouldBe("inProgress");
        (await InboxAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task the_same_envelope_again_is_rejected_as_a_replay_naming_the_copy_the_first_opened()
    {
        var envelope = _china.Seal("request", ExchangePayload.ForRequest(_origin));
        using var first = await _china.PostAsync(envelope);
        var copy = (await ReceiptAsync(first)).Receipt.RequestId;
        var before = await _node.CountsAsync();

        using var again = await _china.PostAsync(envelope);

        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var receipt = await ReceiptAsync(again);
        receipt.IsSignedBy(_china.Peers).ShouldBeTrue();
        (receipt.Receipt.Status, receipt.Receipt.Reason, receipt.Receipt.RequestId).ShouldBe((ReceiptStatus.Rejected, "replayed", copy));
        (await _node.CountsAsync()).ShouldBe(before);
        (await InboxAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task a_tampered_envelope_is_rejected_with_a_signed_reason_and_nothing_is_kept()
    {
        var envelope = _china.Seal("request", ExchangePayload.ForRequest(_origin));
        var ciphertext = envelope.Ciphertext.ToArray();
        ciphertext[^1] ^= 0x01;
        var before = await _node.CountsAsync();

        using var response = await _china.PostAsync(envelope with { Ciphertext = ciphertext });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var receipt = await ReceiptAsync(response);
        receipt.IsSignedBy(_china.Peers).ShouldBeTrue();
        (receipt.Receipt.Status, receipt.Receipt.Reason).ShouldBe((ReceiptStatus.Rejected, "badSignature"));
        (await _node.CountsAsync()).ShouldBe(before);
        (await InboxAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_later_message_reaches_the_copy_it_names()
    {
        using var first = await _china.PostAsync(_china.Seal("request", ExchangePayload.ForRequest(_origin)));
        var copy = (await ReceiptAsync(first)).Receipt.RequestId!;

        using var response = await _china.PostAsync(_china.Seal("withdrawal", ExchangePayload.ForCopy(copy), message: 2));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var thai = _node.ClientFor(GatewayNode.Thailand, Roles.Officer);
        var read = await (await thai.GetAsync($"/api/v1/requests/{copy}")).ShouldBeJsonAsync(HttpStatusCode.OK);
        read["receivedMessages"]!.AsArray().Select(m => (m!["id"]!.GetValue<string>(), m["type"]!.GetValue<string>()))
            .ShouldBe([($"{_origin.Id}/m1", "request"), ($"{_origin.Id}/m2", "withdrawal")]);
    }

    [Fact]
    public async Task a_message_for_a_copy_that_is_not_the_senders_counterpart_is_undeliverable()
    {
        var before = await _node.CountsAsync();

        using var response = await _china.PostAsync(_china.Seal("withdrawal", ExchangePayload.ForCopy("TH-OAG-2026-000001"), message: 2));

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

    private Task<long> InboxAsync() => _china.RowsAsync("exchange_inbox");
}
