using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MlaFlow.Gateway.Security;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Testing;
using Orleans;
using Orleans.Runtime;

namespace MlaFlow.Gateway.Tests;

/// <summary>
/// Two nodes of one deployment on PostgreSQL form one Orleans cluster: a grain lives on one of them, so of the same call
/// made through each node one crosses to the other silo. Refusals that carry data (the rules a request breaks, a form's
/// problems) and conflicts arrive whole either way: the API's answer is the same whichever node hosts the grain.
/// </summary>
public sealed class AnsweringFromEitherNode : IAsyncLifetime
{
    private GatewayNode _first = null!;
    private GatewayNode _second = null!;

    public async Task InitializeAsync()
    {
        _first = await GatewayNode.StartAsync(StorageKind.Postgres);
        _second = GatewayNode.Join(_first.Database, _first.SigningKey);

        // One cluster of two: a grain is activated on one of them only.
        var hosts = await _first.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        hosts.Count.ShouldBe(2);
    }

    public async Task DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        if (_first is not null)
        {
            await _first.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task a_request_breaking_the_requested_states_rules_is_refused_with_the_same_problems_through_either_node()
    {
        var body = Samples.Json(Samples.Evidence);
        body["legalBasis"] = new JsonObject { ["type"] = "reciprocity" };
        body["language"] = "de";

        var answers = await BothAsync(client => client.PostAsync("/api/v1/requests", Body.Json(body)), Roles.Officer);

        answers.ShouldAllBe(a => a.Status == HttpStatusCode.UnprocessableEntity);
        answers[1].Body.ShouldBe(answers[0].Body);
        JsonNode.Parse(answers[0].Body)!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["language", "rules.reciprocity"], ignoreOrder: true);
    }

    [SkippableFact]
    public async Task a_form_a_task_refuses_and_a_task_done_already_are_answered_alike_through_either_node()
    {
        using var officer = _first.ClientFor(GatewayNode.China, Roles.Officer);
        using var created = await officer.PostAsync("/api/v1/requests", Body.Sample(Samples.Evidence));
        var id = (await created.ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var review = $"{id}.1";

        var badForm = await BothAsync(client => client.PostAsync($"/api/v1/tasks/{review}/complete", Body.Json("""{ "outcome": "ready", "form": { "colour": "red" } }""")), Roles.Prosecutor);
        var unknownOutcome = await BothAsync(client => client.PostAsync($"/api/v1/tasks/{review}/complete", Body.Json("""{ "outcome": "maybe", "form": {} }""")), Roles.Prosecutor);
        var unknownTask = await BothAsync(client => client.PostAsync($"/api/v1/tasks/{id}.99/complete", Body.Json("""{ "outcome": "ready", "form": {} }""")), Roles.Prosecutor);
        using (var prosecutor = _second.ClientFor(GatewayNode.China, Roles.Prosecutor))
        using (var done = await prosecutor.PostAsync($"/api/v1/tasks/{review}/complete", Body.Json("""{ "outcome": "ready", "form": {} }""")))
        {
            await done.ShouldBeJsonAsync(HttpStatusCode.OK);
        }

        var again = await BothAsync(client => client.PostAsync($"/api/v1/tasks/{review}/complete", Body.Json("""{ "outcome": "ready", "form": {} }""")), Roles.Prosecutor);

        (badForm[0].Status, unknownOutcome[0].Status, unknownTask[0].Status, again[0].Status)
            .ShouldBe((HttpStatusCode.BadRequest, HttpStatusCode.Conflict, HttpStatusCode.NotFound, HttpStatusCode.Conflict));
        foreach (var pair in new[] { badForm, unknownOutcome, unknownTask, again })
        {
            pair[1].ShouldBe(pair[0]);
        }

        JsonNode.Parse(badForm[0].Body)!["errors"]!["form.colour"]!.AsArray().Single()!.GetValue<string>().ShouldBe("This task's form has no such field.");
        JsonNode.Parse(unknownOutcome[0].Body)!["detail"]!.GetValue<string>().ShouldBe("Task 'draft-review' is completed with one of ready, abandon, not 'maybe'.");
    }

    [SkippableFact]
    public async Task a_signal_nothing_awaits_is_a_conflict_naming_what_is_awaited_through_either_node()
    {
        using var officer = _first.ClientFor(GatewayNode.China, Roles.Officer);
        using var created = await officer.PostAsync("/api/v1/requests", Body.Sample(Samples.Evidence));
        var id = (await created.ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();

        var answers = await BothAsync(client => client.PostAsync($"/api/v1/requests/{id}/signals/cancel", null), Roles.Officer);

        answers.ShouldAllBe(a => a.Status == HttpStatusCode.Conflict);
        answers[1].ShouldBe(answers[0]);
    }

    // The same call through each node, as a user of CN-MOJ in role; the answer's status and body text.
    private async Task<IReadOnlyList<Answer>> BothAsync(Func<HttpClient, Task<HttpResponseMessage>> call, string role)
    {
        var answers = new List<Answer>();
        foreach (var node in new[] { _first, _second })
        {
            using var client = node.ClientFor(GatewayNode.China, role);
            using var response = await call(client);
            answers.Add(new Answer(response.StatusCode, WithoutTraceId(await response.Content.ReadAsStringAsync())));
        }

        return answers;
    }

    // Each answer names the HTTP request it belongs to; the rest must match.
    private static string WithoutTraceId(string body)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        json.Remove("traceId");
        return json.ToJsonString();
    }

    private sealed record Answer(HttpStatusCode Status, string Body);
}
