using System.Net;
using System.Text.Json.Nodes;
using MlaFlow.Gateway.Security;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Testing;
using static MlaFlow.Gateway.Tests.Infrastructure.TwoNodes;

namespace MlaFlow.Gateway.Tests;

/// <summary>
/// A refusal states its ground: Thailand's officer refuses China's evidence request at the <c>check</c> of its procedure
/// (src/Plugins/Countries/templates/requested-evidence.v1.json), whose <c>refusalGround</c> is required for the outcome
/// <c>refuse</c>. Without it the completion is a 400 naming the field, and nothing changes.
/// </summary>
/// <remarks>On SQLite only: the engine refuses the completion before anything is written, whichever the store.</remarks>
public sealed class RefusingWithAGround() : OfficerNodeTest(StorageKind.Sqlite)
{
    [Fact]
    public async Task a_refusal_without_its_ground_is_a_bad_request_and_changes_nothing()
    {
        var (thai, copy, check) = await AtTheCheckAsync();
        var before = await Node.CountsAsync();
        var request = await ReadAsync(thai, copy);

        using var response = await thai.PostAsync($"/api/v1/tasks/{check["id"]}/complete",
            Body.Json(new JsonObject { ["outcome"] = "refuse", ["form"] = new JsonObject { ["notes"] = "A political offence." } }));

        (await response.ShouldBeInvalidAsync("form.refusalGround")).ShouldBe(["Required to complete the task with 'refuse'."]);
        (await Node.CountsAsync()).ShouldBe(before);
        (await ReadAsync(thai, copy)).ToJsonString().ShouldBe(request.ToJsonString());
    }

    [Fact]
    public async Task a_refusal_with_its_ground_ends_the_request_refused_on_it()
    {
        var (thai, copy, check) = await AtTheCheckAsync();

        using var response = await thai.PostAsync($"/api/v1/tasks/{check["id"]}/complete",
            Body.Json(new JsonObject { ["outcome"] = "refuse", ["form"] = new JsonObject { ["refusalGround"] = "politicalOffence" } }));

        var refused = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        refused["id"]!.GetValue<string>().ShouldBe(copy);
        refused["status"]!.GetValue<string>().ShouldBe("refused");
        refused["workflow"]!["ground"]!.GetValue<string>().ShouldStartWith("Political offence");
    }

    /// <summary>China's request sent and Thailand's copy registered and acknowledged: the copy waits at the officer's check.</summary>
    private async Task<(HttpClient Thai, string Copy, JsonNode Check)> AtTheCheckAsync()
    {
        using var prosecutor = Node.ClientFor(GatewayNode.China, Roles.Prosecutor);
        var id = await SendEvidenceRequestAsync(Officer, prosecutor);
        var copy = (await EventuallyAsync(Officer, id, r => r["counterpart"] is not null))["counterpart"]!.GetValue<string>();
        var thai = Node.ClientFor(GatewayNode.Thailand, Roles.Officer);
        await CompleteAsync(thai, "register", "registered", new JsonObject { ["registrationNumber"] = "OAG-MLA-2026-78" });
        // The acknowledgement reaches China outside Thailand's turn; once it has, nothing is under way but the check.
        await EventuallyAsync(thai, copy, r => r["outbox"]!.AsArray().All(m => m!["deliveredAt"] is not null));
        using var tasks = await thai.GetAsync("/api/v1/tasks");
        var check = (await tasks.ShouldBeJsonAsync(HttpStatusCode.OK)).AsArray().Single(t => t!["stepId"]!.GetValue<string>() == "check")!;
        return (thai, copy, check);
    }

    private static async Task<JsonNode> ReadAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync($"/api/v1/requests/{id}");
        return await response.ShouldBeJsonAsync(HttpStatusCode.OK);
    }
}
