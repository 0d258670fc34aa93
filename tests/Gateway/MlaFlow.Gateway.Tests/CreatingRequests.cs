using System.Net;
using MlaFlow.Gateway.Security;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Testing;

namespace MlaFlow.Gateway.Tests;

/// <summary><c>POST /api/v1/requests</c> with the sample requests the README shows.</summary>
public abstract class CreatingRequests(StorageKind storage)
{
    [SkippableTheory]
    [InlineData(Samples.Evidence, "evidence")]
    [InlineData(Samples.ProvisionalArrest, "provisionalArrest")]
    [InlineData(Samples.Extradition, "extradition")]
    public async Task a_sample_request_is_created_and_starts_its_workflow_at_the_location_named_by_its_id(string sample, string kind)
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var officer = node.ClientFor(GatewayNode.China, Roles.Officer);

        using var response = await officer.PostAsync("/api/v1/requests", Body.Sample(sample));

        var created = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();
        id.ShouldMatch(@"^CN-MOJ-\d{4}-000001$");
        response.Headers.Location!.OriginalString.ShouldBe($"/api/v1/requests/{id}");
        created["kind"]!.GetValue<string>().ShouldBe(kind);
        created["status"]!.GetValue<string>().ShouldBe("inProgress");
        created["requesting"]!["authority"]!.GetValue<string>().ShouldBe(GatewayNode.China);
        created["requested"]!["authority"]!.GetValue<string>().ShouldBe(GatewayNode.Thailand);
        created["timeline"]!.AsArray().Single()!["what"]!.GetValue<string>().ShouldBe("created");
    }

    [SkippableFact]
    public async Task a_created_request_is_stored_in_the_configured_database_with_its_audit_record()
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var officer = node.ClientFor(GatewayNode.China, Roles.Officer);

        using var response = await officer.PostAsync("/api/v1/requests", Body.Sample(Samples.Evidence));

        var id = (await response.ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        await using var connection = await node.Store.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT owner || ' ' || kind || ' ' || status FROM grain_state WHERE grain_type = 'request' AND grain_key = @id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "id";
        parameter.Value = id;
        command.Parameters.Add(parameter);
        (await command.ExecuteScalarAsync()).ShouldBe("CN-MOJ Evidence InProgress");
        // The request number, then the request itself.
        (await node.CountsAsync()).ShouldBe(new StoreCounts(Requests: 1, GrainStates: 2, AuditRecords: 2));
    }

    [SkippableFact]
    public async Task a_created_request_reads_back_as_it_was_created()
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var officer = node.ClientFor(GatewayNode.China, Roles.Officer);
        using var post = await officer.PostAsync("/api/v1/requests", Body.Sample(Samples.Extradition));
        var created = await post.ShouldBeJsonAsync(HttpStatusCode.Created);

        using var get = await officer.GetAsync(post.Headers.Location);

        var read = await get.ShouldBeJsonAsync(HttpStatusCode.OK);
        read.ToJsonString().ShouldBe(created.ToJsonString());
        read["persons"]![0]!["name"]!["originalScript"]!.GetValue<string>().ShouldBe("王磊");
    }

    [SkippableFact]
    public async Task requests_of_one_authority_are_numbered_in_order()
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var officer = node.ClientFor(GatewayNode.China, Roles.Officer);

        var ids = new List<string>();
        foreach (var sample in Samples.All)
        {
            using var response = await officer.PostAsync("/api/v1/requests", Body.Sample(sample));
            ids.Add((await response.ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>());
        }

        ids.Select(id => id[^6..]).ShouldBe(["000001", "000002", "000003"]);
        (await node.CountsAsync()).Requests.ShouldBe(3);
    }
}

public sealed class CreatingRequestsOnSqlite() : CreatingRequests(StorageKind.Sqlite);

public sealed class CreatingRequestsOnPostgres() : CreatingRequests(StorageKind.Postgres);
