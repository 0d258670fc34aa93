using System.Net;
using System.Text.Json.Nodes;
using MlaFlow.Gateway.Security;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Testing;

namespace MlaFlow.Gateway.Tests;

/// <summary>
/// <c>POST /api/v1/requests/{id}/signals/{signal}</c>: a decision no task offers, which the workflow awaits at a
/// step of its own. China's outgoing procedures await <c>withdraw</c> from the moment the request is sent, so its
/// prosecutor can withdraw at any time; a signal nothing awaits is a conflict that changes nothing.
/// </summary>
/// <remarks>On SQLite only: both providers run the signal through the grains in EvidenceExchangeContract (MlaFlow.Grains.Tests).</remarks>
public sealed class SignallingRequests() : OfficerNodeTest(StorageKind.Sqlite)
{
    [Fact]
    public async Task a_prosecutor_withdraws_a_sent_request_by_its_signal()
    {
        var id = await SentEvidenceAsync();
        using var prosecutor = Node.ClientFor(GatewayNode.China, Roles.Prosecutor);

        using var response = await prosecutor.PostAsync($"/api/v1/requests/{id}/signals/withdraw", null);

        var request = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        request["status"]!.GetValue<string>().ShouldBe("withdrawn");
        request["outbox"]!.AsArray().Select(m => m!["type"]!.GetValue<string>()).ShouldBe(["request", "withdrawal"]);
    }

    [Fact]
    public async Task a_signal_the_workflow_does_not_await_is_a_conflict_naming_the_one_it_does()
    {
        var id = await SentEvidenceAsync();
        var before = await Node.CountsAsync();

        using var response = await Officer.PostAsync($"/api/v1/requests/{id}/signals/cancel", null);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem["detail"]!.GetValue<string>().ShouldBe("No step of this workflow awaits the signal 'cancel'; it awaits withdraw.");
        (await Node.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task a_request_not_yet_sent_awaits_no_signal()
    {
        var id = await CreatedAsync();

        using var response = await Officer.PostAsync($"/api/v1/requests/{id}/signals/withdraw", null);

        (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict))["detail"]!.GetValue<string>()
            .ShouldBe("No step of this workflow awaits the signal 'withdraw'; none awaits a signal now.");
    }

    [Fact]
    public async Task a_malformed_signal_name_is_a_bad_request()
    {
        var id = await CreatedAsync();

        using var response = await Officer.PostAsync($"/api/v1/requests/{id}/signals/Withdraw!", null);

        (await response.ShouldBeInvalidAsync("signal")).Single().ShouldStartWith("A signal's name as the workflow spells it");
    }

    [Fact]
    public async Task another_authoritys_request_is_not_found()
    {
        var id = await SentEvidenceAsync();
        using var thai = Node.ClientFor(GatewayNode.Thailand, Roles.Prosecutor);

        using var response = await thai.PostAsync($"/api/v1/requests/{id}/signals/withdraw", null);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<string> CreatedAsync()
    {
        using var response = await Officer.PostAsync("/api/v1/requests", Body.Sample(Samples.Evidence));
        return (await response.ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
    }

    // China's procedure up to the sending: the prosecutor's draft review, the officer's approval, no translation needed;
    // then the request is delivered to Thailand's copy, outside China's turn.
    private async Task<string> SentEvidenceAsync()
    {
        var id = await CreatedAsync();
        using var prosecutor = Node.ClientFor(GatewayNode.China, Roles.Prosecutor);
        foreach (var (client, outcome) in new[] { (prosecutor, "ready"), (Officer, "approved"), (Officer, "notRequired") })
        {
            using var tasks = await client.GetAsync("/api/v1/tasks");
            var task = (await tasks.ShouldBeJsonAsync(HttpStatusCode.OK)).AsArray().Single(t => t!["requestId"]!.GetValue<string>() == id)!;
            using var completed = await client.PostAsync($"/api/v1/tasks/{task["id"]}/complete", Body.Json(new JsonObject { ["outcome"] = outcome }));
            await completed.ShouldBeJsonAsync(HttpStatusCode.OK);
        }

        await TwoNodes.EventuallyAsync(Officer, id, r => r["outbox"]!.AsArray().All(m => m!["deliveredAt"] is not null));
        return id;
    }
}
