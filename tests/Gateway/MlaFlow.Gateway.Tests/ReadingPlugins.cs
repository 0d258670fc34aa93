using System.Net;
using MlaFlow.Gateway.Security;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Testing;

namespace MlaFlow.Gateway.Tests;

/// <summary>Anyone of a served authority can read which states and procedures the node knows, and what a request to each must contain.</summary>
public sealed class ReadingPlugins : IAsyncLifetime
{
    private GatewayNode _node = null!;

    public async Task InitializeAsync() => _node = await GatewayNode.StartAsync(StorageKind.Sqlite);

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Theory]
    [InlineData(Roles.Officer)]
    [InlineData(Roles.Prosecutor)]
    [InlineData(Roles.Admin)]
    public async Task every_role_lists_the_six_shipped_plugins(string role)
    {
        using var client = _node.ClientFor(GatewayNode.China, role);

        var plugins = (await (await client.GetAsync("/api/v1/plugins")).ShouldBeJsonAsync(HttpStatusCode.OK)).AsArray();

        plugins.Select(p => p!["country"]!.GetValue<string>()).ShouldBe(["CN", "KH", "LA", "MM", "TH", "VN"]);
        plugins.Single(p => p!["country"]!.GetValue<string>() == "TH")!["authorities"]!.AsArray().ShouldContain(a => a!["id"]!.GetValue<string>() == "TH-OAG");
    }

    [Fact]
    public async Task the_form_of_a_state_lists_its_rules_languages_and_legal_bases()
    {
        using var client = _node.ClientFor(GatewayNode.China, Roles.Officer);

        var form = await (await client.GetAsync("/api/v1/plugins/TH/forms/extradition")).ShouldBeJsonAsync(HttpStatusCode.OK);

        form["kind"]!.GetValue<string>().ShouldBe("extradition");
        form["rules"]!.AsArray().Count.ShouldBeGreaterThan(0);
        form["requestLanguages"]!.AsArray().Select(l => l!.GetValue<string>()).ShouldContain("th");
    }

    [Theory]
    [InlineData("/api/v1/plugins/ZX/forms/evidence", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/plugins/TH/forms/rogatoryLetter", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/plugins/DE/forms/evidence", HttpStatusCode.NotFound)]
    public async Task an_unknown_state_or_kind_is_a_problem(string path, HttpStatusCode status)
    {
        using var client = _node.ClientFor(GatewayNode.China, Roles.Officer);

        await (await client.GetAsync(path)).ShouldBeProblemAsync(status);
    }

    [Fact]
    public async Task without_a_token_plugins_are_not_shown()
    {
        using var client = _node.CreateClient();

        (await client.GetAsync("/api/v1/plugins")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
