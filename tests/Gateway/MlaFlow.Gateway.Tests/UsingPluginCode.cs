using System.Net;
using System.Text.Json.Nodes;
using MlaFlow.Gateway.Security;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Testing;

namespace MlaFlow.Gateway.Tests;

/// <summary>
/// A node serving TH-OAG and XA-CA, the Example State of the sample plugin with code (samples/plugins/watch-list):
/// its validator refuses a request through the API like any rule, and a faulted custom step is an officer's open
/// task, retried through <c>/api/v1/tasks/{id}/retry</c> once its cause is fixed.
/// </summary>
/// <remarks>On SQLite only: the storage side of custom steps runs on both providers in CustomStepContract (MlaFlow.Grains.Tests).</remarks>
public sealed class UsingPluginCode : IAsyncLifetime
{
    private const string Thailand = "TH-OAG";

    private readonly PluginsFolder _plugins = SamplePlugin.CopyWith("th");
    private GatewayNode _node = null!;

    public async Task InitializeAsync() =>
        _node = await GatewayNode.StartAsync(StorageKind.Sqlite, authorities: [Thailand, SamplePlugin.Authority], pluginsPath: _plugins.Root);

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        _plugins.Dispose();
    }

    [Fact]
    public async Task a_request_the_plugins_validator_refuses_is_422_naming_the_field_and_nothing_is_written()
    {
        using var officer = _node.ClientFor(Thailand, Roles.Officer);
        var before = await _node.CountsAsync();
        var body = ToTheExampleState();
        body["persons"]![0]!["dateOfBirth"] = "2988-04-12";

        using var response = await officer.PostAsync("/api/v1/requests", Body.Json(body));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem["errors"]!["persons[0].dateOfBirth"]!.AsArray().Select(m => m!.GetValue<string>()).ShouldBe(
            ["A date of birth of 2988-04-12 cannot be right (in the future, or more than 120 years ago); check the year."]);
        (await _node.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task a_faulted_custom_step_is_an_officers_task_and_is_retried_through_the_api_once_its_cause_is_fixed()
    {
        var list = Path.Combine(_plugins.Sample, "watch-list.txt");
        var good = await File.ReadAllTextAsync(list);
        await File.WriteAllTextAsync(list, good + "no separator here\n");
        using var example = _node.ClientFor(SamplePlugin.Authority, Roles.Officer);
        await SendFromThailandAsync();

        var register = await TaskAtAsync(example, "register");
        using (var registered = await example.PostAsync($"/api/v1/tasks/{register["id"]}/complete", Body.Json(new JsonObject
        {
            ["outcome"] = "registered",
            ["form"] = new JsonObject { ["registrationNumber"] = "XA-2026-7" },
        })))
        {
            await registered.ShouldBeJsonAsync(HttpStatusCode.OK);
        }

        var faulted = await TaskAtAsync(example, "screen");
        faulted["state"]!.GetValue<string>().ShouldBe("faulted");
        faulted["role"]!.GetValue<string>().ShouldBe(Roles.Officer);
        faulted["error"]!.GetValue<string>().ShouldBe(
            "watch-list-screening: Line 5 of the watch list 'watch-list.txt' is not 'family name | given names | yyyy-MM-dd'; correct it, then retry the step.");

        await File.WriteAllTextAsync(list, good);
        using var retried = await example.PostAsync($"/api/v1/tasks/{faulted["id"]}/retry", null);

        var request = await retried.ShouldBeJsonAsync(HttpStatusCode.OK);
        request["status"]!.GetValue<string>().ShouldBe("inProgress");
        (await TaskAtAsync(example, "assign"))["state"]!.GetValue<string>().ShouldBe("waiting");
        (await TasksAsync(example)).ShouldNotContain(t => t["stepId"]!.GetValue<string>() == "screen");
    }

    // Thailand's prosecutor and officer take the request through Thailand's outgoing procedure, which sends it.
    private async Task SendFromThailandAsync()
    {
        using var officer = _node.ClientFor(Thailand, Roles.Officer);
        using var prosecutor = _node.ClientFor(Thailand, Roles.Prosecutor);
        using (var created = await officer.PostAsync("/api/v1/requests", Body.Json(ToTheExampleState())))
        {
            await created.ShouldBeJsonAsync(HttpStatusCode.Created);
        }

        foreach (var (client, step, outcome) in new[] { (prosecutor, "draft-review", "ready"), (officer, "ca-approval", "approved"), (officer, "translation", "notRequired") })
        {
            var task = await TaskAtAsync(client, step);
            using var completed = await client.PostAsync($"/api/v1/tasks/{task["id"]}/complete", Body.Json(new JsonObject { ["outcome"] = outcome }));
            await completed.ShouldBeJsonAsync(HttpStatusCode.OK);
        }
    }

    private static Task<JsonNode> TaskAtAsync(HttpClient client, string stepId) =>
        Eventually.FoundAsync(async () => (await TasksAsync(client)).FirstOrDefault(t => t["stepId"]!.GetValue<string>() == stepId), $"a task at '{stepId}'");

    private static async Task<IReadOnlyList<JsonNode>> TasksAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/tasks");
        return [.. (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).AsArray().OfType<JsonNode>()];
    }

    private static JsonObject ToTheExampleState()
    {
        var body = Samples.Json(Samples.Evidence);
        body["requested"] = new JsonObject { ["state"] = "XA", ["authority"] = SamplePlugin.Authority };
        body["legalBasis"] = new JsonObject { ["type"] = "reciprocity" };
        return body;
    }
}
