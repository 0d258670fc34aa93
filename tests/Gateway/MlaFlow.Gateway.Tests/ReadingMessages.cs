using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MlaFlow.Gateway.Security;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Grains.Exchange;
using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Testing;
using NodaTime;

namespace MlaFlow.Gateway.Tests;

/// <summary>
/// <c>GET /api/v1/requests/{id}/messages</c>: what a request sent and received, oldest first, and where each sent
/// message's delivery stands — here to Thailand's node, which is down: queued, with the last attempt's error, the
/// number of attempts and when the next is due; the list of requests says so too.
/// </summary>
public sealed class ReadingMessages : IAsyncLifetime
{
    private GatewayNode _node = null!;

    public async Task InitializeAsync() => _node = await GatewayNode.StartAsync(StorageKind.Sqlite, authorities: [GatewayNode.China], testServices: services => services
        .AddSingleton<IRemoteExchange>(new PeersDown(AuthorityId.Parse(GatewayNode.Thailand)))
        .AddSingleton(new OutboxSchedule(Duration.FromMilliseconds(200))));

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task a_message_to_a_peer_that_is_down_shows_queued_with_its_last_error()
    {
        using var officer = _node.ClientFor(GatewayNode.China, Roles.Officer);
        using var prosecutor = _node.ClientFor(GatewayNode.China, Roles.Prosecutor);
        var id = await TwoNodes.SendEvidenceRequestAsync(officer, prosecutor);

        var message = await Eventually.FoundAsync(async () =>
        {
            using var response = await prosecutor.GetAsync($"/api/v1/requests/{id}/messages");
            return (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).AsArray().SingleOrDefault(m => m!["delivery"]?["attempts"]?.GetValue<int>() >= 2);
        }, "two failed attempts");

        message!["direction"]!.GetValue<string>().ShouldBe("sent");
        message["type"]!.GetValue<string>().ShouldBe("request");
        var delivery = message["delivery"]!;
        delivery["state"]!.GetValue<string>().ShouldBeOneOf("queued", "sending");
        delivery["lastError"]!.GetValue<string>().ShouldBe("TH-OAG's node did not answer (connection refused).");
        delivery["nextAttemptAt"].ShouldNotBeNull();
        using var list = await officer.GetAsync("/api/v1/requests");
        var summary = (await list.ShouldBeJsonAsync(HttpStatusCode.OK))["items"]!.AsArray().Single()!;
        summary["delivery"]!.GetValue<string>().ShouldBe("queued");
        summary["deliveryError"]!.GetValue<string>().ShouldBe("TH-OAG's node did not answer (connection refused).");
    }

    [Fact]
    public async Task another_authoritys_request_has_no_messages_to_read()
    {
        using var officer = _node.ClientFor(GatewayNode.China, Roles.Officer);

        using var response = await officer.GetAsync("/api/v1/requests/TH-OAG-2026-000001/messages");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
