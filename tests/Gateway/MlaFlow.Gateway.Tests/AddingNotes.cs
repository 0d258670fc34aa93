using System.Net;
using MlaFlow.Gateway.Security;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Testing;

namespace MlaFlow.Gateway.Tests;

/// <summary><c>POST /api/v1/requests/{id}/notes</c>: a note goes on the request's timeline, audited.</summary>
public abstract class AddingNotes(StorageKind storage)
{
    [SkippableFact]
    public async Task a_note_is_added_to_the_timeline_with_its_author_and_audited()
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var officer = node.ClientFor(GatewayNode.China, Roles.Officer);
        using var prosecutor = node.ClientFor(GatewayNode.China, Roles.Prosecutor);
        var id = await CreateAsync(officer);
        var before = await node.CountsAsync();

        using var noted = await prosecutor.PostAsync($"/api/v1/requests/{id}/notes", Body.Note("Called TH-OAG;\nthey confirm receipt."));
        using var read = await officer.GetAsync($"/api/v1/requests/{id}");

        var answered = await noted.ShouldBeJsonAsync(HttpStatusCode.OK);
        var stored = await read.ShouldBeJsonAsync(HttpStatusCode.OK);
        stored.ToJsonString().ShouldBe(answered.ToJsonString());
        var timeline = stored["timeline"]!.AsArray();
        timeline.Select(e => e!["what"]!.GetValue<string>()).ShouldBe(["created", "note: Called TH-OAG;\nthey confirm receipt."]);
        timeline[1]!["actor"]!.GetValue<string>().ShouldContain(Roles.Prosecutor);
        (await node.CountsAsync()).ShouldBe(before with { AuditRecords = before.AuditRecords + 1 });
    }

    [SkippableFact]
    public async Task a_note_on_another_authoritys_request_is_not_found_and_writes_nothing()
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var chinese = node.ClientFor(GatewayNode.China, Roles.Officer);
        using var thai = node.ClientFor(GatewayNode.Thailand, Roles.Officer);
        var id = await CreateAsync(chinese);
        var before = await node.CountsAsync();

        using var response = await thai.PostAsync($"/api/v1/requests/{id}/notes", Body.Note("Not ours to note."));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await node.CountsAsync()).ShouldBe(before);
        using var read = await chinese.GetAsync($"/api/v1/requests/{id}");
        (await read.ShouldBeJsonAsync(HttpStatusCode.OK))["timeline"]!.AsArray().Count.ShouldBe(1);
    }

    [SkippableTheory]
    [InlineData("not-a-request-id")]
    [InlineData("CN-MOJ-2026-0000001")]
    [InlineData("CN-MOJ-2020-000001")]
    public async Task a_note_on_a_malformed_or_unknown_id_is_not_found_and_writes_nothing(string id)
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var officer = node.ClientFor(GatewayNode.China, Roles.Officer);
        var before = await node.CountsAsync();

        using var response = await officer.PostAsync($"/api/v1/requests/{id}/notes", Body.Note("Nowhere to go."));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await node.CountsAsync()).ShouldBe(before);
    }

    [SkippableTheory]
    [InlineData("""{ "text": "" }""", "text")]
    [InlineData("""{ "text": "a\u0000b" }""", "text")]
    [InlineData("""{ }""", "text")]
    public async Task an_empty_or_unreadable_note_is_refused_and_writes_nothing(string body, string field)
    {
        await using var node = await GatewayNode.StartAsync(storage);
        using var officer = node.ClientFor(GatewayNode.China, Roles.Officer);
        var id = await CreateAsync(officer);
        var before = await node.CountsAsync();

        using var response = await officer.PostAsync($"/api/v1/requests/{id}/notes", Body.Json(body));

        await response.ShouldBeInvalidAsync(field);
        (await node.CountsAsync()).ShouldBe(before);
    }

    private static async Task<string> CreateAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/api/v1/requests", Body.Sample(Samples.Evidence));
        return (await response.ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
    }
}

public sealed class AddingNotesOnSqlite() : AddingNotes(StorageKind.Sqlite);

public sealed class AddingNotesOnPostgres() : AddingNotes(StorageKind.Postgres);
