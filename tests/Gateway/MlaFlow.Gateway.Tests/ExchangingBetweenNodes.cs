using System.Net;
using System.Text.Json.Nodes;
using MlaFlow.Gateway.Security;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Testing;
using static MlaFlow.Gateway.Tests.Infrastructure.TwoNodes;

namespace MlaFlow.Gateway.Tests;

/// <summary>
/// China sends an evidence request to Thailand's node through its procedure; it reaches Thailand only as an envelope,
/// opens Thailand's copy, and Thailand's acknowledgement comes back the same way. Each message's signed receipt and
/// delivery evidence are kept with the sender's request.
/// </summary>
public sealed class ExchangingBetweenNodes : IAsyncLifetime
{
    private TwoNodes _nodes = null!;

    public async Task InitializeAsync() => _nodes = await TwoNodes.StartAsync();

    public async Task DisposeAsync() => await _nodes.DisposeAsync();

    [Fact]
    public async Task a_request_crosses_to_thailands_node_as_an_envelope_and_the_acknowledgement_comes_back()
    {
        using var chineseOfficer = _nodes.China.ClientFor("CN-MOJ", Roles.Officer);
        using var chineseProsecutor = _nodes.China.ClientFor("CN-MOJ", Roles.Prosecutor);
        using var thaiOfficer = _nodes.Thailand.ClientFor("TH-OAG", Roles.Officer);
        var id = await SendEvidenceRequestAsync(chineseOfficer, chineseProsecutor);

        var sent = await EventuallyAsync(chineseOfficer, id, r => r["counterpart"] is not null);
        var copy = sent["counterpart"]!.GetValue<string>();
        copy.ShouldStartWith("TH-OAG-");
        var request = sent["outbox"]![0]!;
        request["deliveredAt"].ShouldNotBeNull();
        JsonNode.Parse(request["receipt"]!.GetValue<string>())!["status"]!.GetValue<string>().ShouldBe("accepted");
        JsonNode.Parse(request["deliveryEvidence"]!.GetValue<string>())!["status"]!.GetValue<string>().ShouldBe("delivered");

        await CompleteAsync(thaiOfficer, "register", "registered", new JsonObject { ["registrationNumber"] = "OAG-MLA-2026-31" });

        var acknowledged = await EventuallyAsync(chineseOfficer, id, r => r["receivedMessages"] is JsonArray { Count: 1 });
        acknowledged["timeline"]!.AsArray().Select(e => e!["what"]!.GetValue<string>()).ShouldContain(w => w.StartsWith($"received from TH-OAG ({copy})", StringComparison.Ordinal));
        // Thailand's node records the delivery once China's answers it, outside the request's turn: a moment after China has it.
        (await EventuallyAsync(thaiOfficer, copy, r => r["outbox"]![0]!["deliveredAt"] is not null))["outbox"]![0]!["deliveryEvidence"].ShouldNotBeNull();
    }

    [Fact]
    public async Task a_request_sent_while_thailands_node_is_down_arrives_once_when_it_is_back()
    {
        using var chineseOfficer = _nodes.China.ClientFor("CN-MOJ", Roles.Officer);
        using var chineseProsecutor = _nodes.China.ClientFor("CN-MOJ", Roles.Prosecutor);
        using var thaiOfficer = _nodes.Thailand.ClientFor("TH-OAG", Roles.Officer);
        _nodes.ToThailand.Down = true;
        var id = await SendEvidenceRequestAsync(chineseOfficer, chineseProsecutor);

        // Retried with backoff, then again on the outbox's next round: several attempts fail while the peer is down.
        await Eventually.FoundAsync(() => Task.FromResult<JsonNode?>(_nodes.ToThailand.Refused >= 5 ? new JsonObject() : null), "attempts on the node that is down");
        (await EventuallyAsync(chineseOfficer, id, r => r["counterpart"] is null))["outbox"]![0]!["deliveredAt"].ShouldBeNull();
        _nodes.ToThailand.Down = false;

        var sent = await EventuallyAsync(chineseOfficer, id, r => r["counterpart"] is not null);
        var thaiRequests = await (await thaiOfficer.GetAsync("/api/v1/requests")).ShouldBeJsonAsync(HttpStatusCode.OK);
        thaiRequests["total"]!.GetValue<int>().ShouldBe(1);
        thaiRequests["items"]![0]!["id"]!.GetValue<string>().ShouldBe(sent["counterpart"]!.GetValue<string>());
        sent["timeline"]!.AsArray().Count(e => e!["what"]!.GetValue<string>().StartsWith("delivered to TH-OAG", StringComparison.Ordinal)).ShouldBe(1);
    }
}
