using System.Net;
using System.Text.Json.Nodes;
using MlaFlow.Gateway.Security;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Testing;

namespace MlaFlow.Gateway.Tests;

/// <summary>
/// <c>GET /api/v1/requests/{id}</c> and <c>GET /api/v1/requests</c>: a caller reads its own authority's
/// requests only; another authority's request does not exist for it.
/// </summary>
public abstract class ReadingRequests(StorageKind storage)
{
    [SkippableFact]
    public async Task a_request_of_another_authority_is_not_found()
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var chinese = node.ClientFor(GatewayNode.China, Roles.Officer);
        using var thai = node.ClientFor(GatewayNode.Thailand, Roles.Officer);
        var id = await CreateAsync(chinese, Samples.Evidence);

        using var response = await thai.GetAsync($"/api/v1/requests/{id}");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.ToJsonString().ShouldNotContain("WANG");
    }

    [SkippableTheory]
    [InlineData("CN-MOJ-2020-000001")]
    [InlineData("not-a-request-id")]
    [InlineData("cn-moj-2026-000001")]
    public async Task an_unknown_or_malformed_id_is_not_found(string id)
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var officer = node.ClientFor(GatewayNode.China, Roles.Officer);
        var before = await node.CountsAsync();

        using var response = await officer.GetAsync($"/api/v1/requests/{id}");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await node.CountsAsync()).ShouldBe(before);
    }

    [SkippableFact]
    public async Task the_list_holds_only_the_callers_own_authoritys_requests_newest_first()
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var chinese = node.ClientFor(GatewayNode.China, Roles.Officer);
        using var thai = node.ClientFor(GatewayNode.Thailand, Roles.Officer);
        var ours = await CreateAllSamplesAsync(chinese);
        var theirs = await CreateAsync(thai, Samples.EvidenceFromThailand());

        var chinaList = await ListAsync(chinese, "");
        var thaiList = await ListAsync(thai, "");

        Ids(chinaList).ShouldBe(ours.AsEnumerable().Reverse());
        chinaList["total"]!.GetValue<long>().ShouldBe(3);
        chinaList["page"]!.GetValue<int>().ShouldBe(1);
        chinaList["pageSize"]!.GetValue<int>().ShouldBe(20);
        Ids(thaiList).ShouldBe([theirs]);
        thaiList["total"]!.GetValue<long>().ShouldBe(1);
    }

    [SkippableFact]
    public async Task the_list_is_read_in_pages()
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var officer = node.ClientFor(GatewayNode.China, Roles.Officer);
        var ids = await CreateAllSamplesAsync(officer);

        var first = await ListAsync(officer, "?page=1&pageSize=2");
        var second = await ListAsync(officer, "?page=2&pageSize=2");
        var beyond = await ListAsync(officer, "?page=3&pageSize=2");

        Ids(first).ShouldBe([ids[2], ids[1]]);
        Ids(second).ShouldBe([ids[0]]);
        Ids(beyond).ShouldBeEmpty();
        foreach (var page in new[] { first, second, beyond })
        {
            page["total"]!.GetValue<long>().ShouldBe(3);
            page["pageSize"]!.GetValue<int>().ShouldBe(2);
        }

        second["page"]!.GetValue<int>().ShouldBe(2);
    }

    [SkippableFact]
    public async Task the_list_is_filtered_by_kind_and_status()
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var officer = node.ClientFor(GatewayNode.China, Roles.Officer);
        var ids = await CreateAllSamplesAsync(officer);

        var extraditions = await ListAsync(officer, "?kind=extradition");
        var provisionalInProgress = await ListAsync(officer, "?status=inProgress&kind=provisionalArrest");
        var inProgress = await ListAsync(officer, "?status=inProgress");
        var executed = await ListAsync(officer, "?status=executed");

        Ids(extraditions).ShouldBe([ids[2]]);
        extraditions["total"]!.GetValue<long>().ShouldBe(1);
        Ids(provisionalInProgress).ShouldBe([ids[1]]);
        inProgress["total"]!.GetValue<long>().ShouldBe(3);
        Ids(executed).ShouldBeEmpty();
        executed["total"]!.GetValue<long>().ShouldBe(0);
    }

    [SkippableFact]
    public async Task a_list_item_names_the_request_without_the_personal_data_of_its_persons()
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var officer = node.ClientFor(GatewayNode.China, Roles.Officer);
        var id = await CreateAsync(officer, Samples.Evidence);

        var list = await ListAsync(officer, "");

        var item = list["items"]!.AsArray().Single()!;
        item["id"]!.GetValue<string>().ShouldBe(id);
        item["kind"]!.GetValue<string>().ShouldBe("evidence");
        item["status"]!.GetValue<string>().ShouldBe("inProgress");
        item["urgency"]!.GetValue<string>().ShouldBe("urgent");
        item["requested"]!["authority"]!.GetValue<string>().ShouldBe(GatewayNode.Thailand);
        item.AsObject().ContainsKey("persons").ShouldBeFalse();
        list.ToJsonString().ShouldNotContain("WANG");
    }

    [SkippableTheory]
    [InlineData("?status=pending", "status")]
    [InlineData("?kind=rogatoryLetter", "kind")]
    [InlineData("?page=0", "page")]
    [InlineData("?pageSize=101", "pageSize")]
    [InlineData("?page=two", "page")]
    [InlineData("?pageSize=1.5", "pageSize")]
    [InlineData("?page=", "page")]
    public async Task a_bad_list_parameter_is_refused(string query, string parameter)
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var officer = node.ClientFor(GatewayNode.China, Roles.Officer);

        using var response = await officer.GetAsync($"/api/v1/requests{query}");

        await response.ShouldBeInvalidAsync(parameter);
    }

    [SkippableFact]
    public async Task every_bad_list_parameter_gets_a_detail_of_its_own()
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var officer = node.ClientFor(GatewayNode.China, Roles.Officer);

        using var response = await officer.GetAsync("/api/v1/requests?page=two&pageSize=500&kind=rogatoryLetter");

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
        errors.Select(e => (e.Key, e.Value!.AsArray().Single()!.GetValue<string>())).ShouldBe([
            ("kind", "'rogatoryLetter' is not one of evidence, provisionalArrest, extradition."),
            ("page", "'two' is not a page number (1, 2, …)."),
            ("pageSize", "'500' is not a page size from 1 to 100."),
        ]);
    }

    private static IEnumerable<string> Ids(JsonNode list) => list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>());

    private static async Task<JsonNode> ListAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/v1/requests{query}");
        return await response.ShouldBeJsonAsync(HttpStatusCode.OK);
    }

    /// <summary>Creates the three samples in order; their ids, oldest first.</summary>
    private static async Task<IReadOnlyList<string>> CreateAllSamplesAsync(HttpClient client)
    {
        var ids = new List<string>();
        foreach (var sample in Samples.All)
        {
            ids.Add(await CreateAsync(client, sample));
        }

        return ids;
    }

    private static Task<string> CreateAsync(HttpClient client, string sample) => CreateAsync(client, Samples.Json(sample));

    private static async Task<string> CreateAsync(HttpClient client, JsonObject body)
    {
        using var response = await client.PostAsync("/api/v1/requests", Body.Json(body));
        return (await response.ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
    }
}

public sealed class ReadingRequestsOnSqlite() : ReadingRequests(StorageKind.Sqlite);

public sealed class ReadingRequestsOnPostgres() : ReadingRequests(StorageKind.Postgres);
