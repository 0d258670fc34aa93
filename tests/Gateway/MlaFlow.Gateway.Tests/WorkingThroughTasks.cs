using System.Net;
using System.Text.Json.Nodes;
using MlaFlow.Gateway.Security;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Testing;

namespace MlaFlow.Gateway.Tests;

/// <summary>
/// <c>/api/v1/tasks</c> on China's outgoing evidence workflow
/// (src/Plugins/Countries/cn/workflows/requesting-evidence.v1.json): the prosecutor's <c>draft-review</c>
/// (ready or abandon), then the officer's <c>ca-approval</c> (approved, returned or declined, overdue after
/// 5 working days; <c>declined</c> ends the workflow with status closed). A task is seen and completed only
/// by its role in its authority; every completion is audited, and a refused one changes nothing.
/// </summary>
public abstract class WorkingThroughTasks(StorageKind storage) : IAsyncLifetime
{
    private const string DraftReview = "draft-review";
    private const string Approval = "ca-approval";

    // xunit makes a new instance for every test: each test boots its own node on its own database.
    private GatewayNode _node = null!;
    private HttpClient _officer = null!;
    private HttpClient _prosecutor = null!;

    public async Task InitializeAsync()
    {
        _node = await GatewayNode.StartAsync(storage);
        _officer = _node.ClientFor(GatewayNode.China, Roles.Officer);
        _prosecutor = _node.ClientFor(GatewayNode.China, Roles.Prosecutor);
    }

    public async Task DisposeAsync()
    {
        _officer?.Dispose();
        _prosecutor?.Dispose();
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task a_request_drafted_then_declined_walks_from_the_prosecutor_to_the_officer_and_ends_closed()
    {
        var requestId = await CreateEvidenceAsync();
        var afterCreate = await _node.CountsAsync();

        var draft = (await TasksAsync(_prosecutor)).Single();
        draft["requestId"]!.GetValue<string>().ShouldBe(requestId);
        draft["stepId"]!.GetValue<string>().ShouldBe(DraftReview);
        draft["role"]!.GetValue<string>().ShouldBe(Roles.Prosecutor);
        Strings(draft["outcomes"]).ShouldBe(["ready", "abandon"]);
        draft["dueAt"].ShouldBeNull();
        (await TasksAsync(_officer)).ShouldBeEmpty();

        var ready = await (await CompleteAsync(_prosecutor, Id(draft), "ready")).ShouldBeJsonAsync(HttpStatusCode.OK);
        ready["id"]!.GetValue<string>().ShouldBe(requestId);
        ready["status"]!.GetValue<string>().ShouldBe("inProgress");
        (await _node.CountsAsync()).ShouldBe(afterCreate with { AuditRecords = afterCreate.AuditRecords + 1 });

        (await TasksAsync(_prosecutor)).ShouldBeEmpty();
        var approval = (await TasksAsync(_officer)).Single();
        approval["requestId"]!.GetValue<string>().ShouldBe(requestId);
        approval["stepId"]!.GetValue<string>().ShouldBe(Approval);
        approval["role"]!.GetValue<string>().ShouldBe(Roles.Officer);
        // The deadline's own outcome (overdue) is the clock's to take, not a person's.
        Strings(approval["outcomes"]).ShouldBe(["approved", "returned", "declined"]);
        Id(approval).ShouldNotBe(Id(draft));
        var since = DateTimeOffset.Parse(approval["since"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var dueAt = DateTimeOffset.Parse(approval["dueAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        // The end of the 5th working day in China's calendar: at least five days on, more across weekends and holidays.
        (dueAt - since).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromDays(5));
        (dueAt - since).ShouldBeLessThan(TimeSpan.FromDays(21));
        (await RemindersAsync(requestId)).ShouldBeGreaterThan(0);

        var declined = await (await CompleteAsync(_officer, Id(approval), "declined")).ShouldBeJsonAsync(HttpStatusCode.OK);
        declined["status"]!.GetValue<string>().ShouldBe("closed");
        (await _node.CountsAsync()).ShouldBe(afterCreate with { AuditRecords = afterCreate.AuditRecords + 2 });

        var read = await (await _officer.GetAsync($"/api/v1/requests/{requestId}")).ShouldBeJsonAsync(HttpStatusCode.OK);
        read["status"]!.GetValue<string>().ShouldBe("closed");
        (await TasksAsync(_officer)).ShouldBeEmpty();
        (await TasksAsync(_prosecutor)).ShouldBeEmpty();
        (await AuditActionsAsync(requestId)).ShouldBe(["request.number-allocated", "request.created", "request.task-completed", "request.task-completed"]);
        // Declining left the approval step, so its deadline timer went with it.
        (await RemindersAsync(requestId)).ShouldBe(0);
    }

    [SkippableTheory]
    [InlineData(Roles.Prosecutor, "approved")]
    [InlineData(Roles.Prosecutor, "READY")]
    [InlineData(Roles.Officer, "overdue")]
    [InlineData(Roles.Officer, "ready")]
    public async Task an_outcome_the_task_does_not_offer_is_a_conflict_and_changes_nothing(string role, string outcome)
    {
        var requestId = await CreateEvidenceAsync();
        if (role == Roles.Officer)
        {
            await (await CompleteAsync(_prosecutor, Id((await TasksAsync(_prosecutor)).Single()), "ready")).ShouldBeJsonAsync(HttpStatusCode.OK);
        }

        var client = role == Roles.Officer ? _officer : _prosecutor;
        var task = (await TasksAsync(client)).Single();
        var before = await SnapshotAsync(requestId);

        var problem = await (await CompleteAsync(client, Id(task), outcome)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem["detail"]!.GetValue<string>().ShouldContain($"'{outcome}'");
        (await SnapshotAsync(requestId)).ShouldBe(before);
        (await TasksAsync(client)).Single().ToJsonString().ShouldBe(task.ToJsonString());
    }

    [SkippableFact]
    public async Task the_prosecutor_cannot_complete_the_officers_task()
    {
        var requestId = await CreateEvidenceAsync();
        await (await CompleteAsync(_prosecutor, Id((await TasksAsync(_prosecutor)).Single()), "ready")).ShouldBeJsonAsync(HttpStatusCode.OK);
        var approval = (await TasksAsync(_officer)).Single();
        var before = await SnapshotAsync(requestId);

        var problem = await (await CompleteAsync(_prosecutor, Id(approval), "approved")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        problem["detail"]!.GetValue<string>().ShouldContain("officer");
        (await SnapshotAsync(requestId)).ShouldBe(before);
        (await TasksAsync(_officer)).Single()["stepId"]!.GetValue<string>().ShouldBe(Approval);
    }

    [SkippableFact]
    public async Task the_officer_cannot_complete_the_prosecutors_task()
    {
        var requestId = await CreateEvidenceAsync();
        var draft = (await TasksAsync(_prosecutor)).Single();
        var before = await SnapshotAsync(requestId);

        await (await CompleteAsync(_officer, Id(draft), "ready")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        (await SnapshotAsync(requestId)).ShouldBe(before);
        (await TasksAsync(_prosecutor)).Single()["stepId"]!.GetValue<string>().ShouldBe(DraftReview);
    }

    [SkippableFact]
    public async Task another_authority_neither_sees_nor_finds_the_task()
    {
        var requestId = await CreateEvidenceAsync();
        var draft = (await TasksAsync(_prosecutor)).Single();
        var before = await SnapshotAsync(requestId);
        using var thaiOfficer = _node.ClientFor(GatewayNode.Thailand, Roles.Officer);
        using var thaiProsecutor = _node.ClientFor(GatewayNode.Thailand, Roles.Prosecutor);

        (await TasksAsync(thaiOfficer)).ShouldBeEmpty();
        (await TasksAsync(thaiProsecutor)).ShouldBeEmpty();
        await (await CompleteAsync(thaiOfficer, Id(draft), "ready")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await CompleteAsync(thaiProsecutor, Id(draft), "ready")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await SnapshotAsync(requestId)).ShouldBe(before);
    }

    [SkippableTheory]
    [InlineData("not-a-task")]
    [InlineData("{request}")]
    [InlineData("{request}.")]
    [InlineData("{request}.one")]
    [InlineData("{request}.-1")]
    [InlineData("{request}.99")]
    [InlineData("CN-MOJ-2026-999999.1")]
    [InlineData(".1")]
    public async Task a_malformed_task_id_or_one_of_no_request_is_not_found_and_changes_nothing(string id)
    {
        var requestId = await CreateEvidenceAsync();
        var before = await SnapshotAsync(requestId);

        using var response = await CompleteAsync(_prosecutor, id.Replace("{request}", requestId, StringComparison.Ordinal), "ready");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await SnapshotAsync(requestId)).ShouldBe(before);
    }

    [SkippableFact]
    public async Task a_completed_task_cannot_be_completed_again()
    {
        var requestId = await CreateEvidenceAsync();
        var draft = (await TasksAsync(_prosecutor)).Single();
        await (await CompleteAsync(_prosecutor, Id(draft), "ready")).ShouldBeJsonAsync(HttpStatusCode.OK);
        var before = await SnapshotAsync(requestId);

        await (await CompleteAsync(_prosecutor, Id(draft), "ready")).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        (await SnapshotAsync(requestId)).ShouldBe(before);
    }

    [SkippableFact]
    public async Task a_task_of_an_ended_workflow_cannot_be_completed()
    {
        var requestId = await CreateEvidenceAsync();
        var draft = (await TasksAsync(_prosecutor)).Single();
        (await (await CompleteAsync(_prosecutor, Id(draft), "abandon")).ShouldBeJsonAsync(HttpStatusCode.OK))["status"]!.GetValue<string>().ShouldBe("withdrawn");
        var before = await SnapshotAsync(requestId);

        await (await CompleteAsync(_prosecutor, Id(draft), "ready")).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        (await SnapshotAsync(requestId)).ShouldBe(before);
        (await TasksAsync(_prosecutor)).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task a_completion_without_an_outcome_is_invalid()
    {
        var requestId = await CreateEvidenceAsync();
        var draft = (await TasksAsync(_prosecutor)).Single();
        var before = await SnapshotAsync(requestId);

        using var response = await _prosecutor.PostAsync($"/api/v1/tasks/{Id(draft)}/complete", Body.Json("""{ "form": {} }"""));

        await response.ShouldBeInvalidAsync("outcome");
        (await SnapshotAsync(requestId)).ShouldBe(before);
    }

    [SkippableFact]
    public async Task a_form_field_given_twice_is_invalid_and_changes_nothing()
    {
        // System.Text.Json reads a repeated key into a JsonObject with an ArgumentException: it was a 500.
        var requestId = await CreateEvidenceAsync();
        var draft = (await TasksAsync(_prosecutor)).Single();
        var before = await SnapshotAsync(requestId);

        using var response = await _prosecutor.PostAsync(
            $"/api/v1/tasks/{Id(draft)}/complete", Body.Json("""{ "outcome": "ready", "form": { "remarks": "a", "remarks": "b" } }"""));

        (await response.ShouldBeInvalidAsync("form.remarks")).ShouldBe(["Given more than once; give each field once."]);
        (await SnapshotAsync(requestId)).ShouldBe(before);
    }

    [SkippableFact]
    public async Task an_admin_may_neither_list_nor_complete_tasks()
    {
        var requestId = await CreateEvidenceAsync();
        var draft = (await TasksAsync(_prosecutor)).Single();
        var before = await SnapshotAsync(requestId);
        using var admin = _node.ClientFor(GatewayNode.China, Roles.Admin);

        (await admin.GetAsync("/api/v1/tasks")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await CompleteAsync(admin, Id(draft), "ready")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await SnapshotAsync(requestId)).ShouldBe(before);
    }

    [SkippableFact]
    public async Task without_a_token_tasks_are_neither_listed_nor_completed()
    {
        var requestId = await CreateEvidenceAsync();
        var draft = (await TasksAsync(_prosecutor)).Single();
        var before = await SnapshotAsync(requestId);
        using var anonymous = _node.CreateClient();

        (await anonymous.GetAsync("/api/v1/tasks")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await CompleteAsync(anonymous, Id(draft), "ready")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await SnapshotAsync(requestId)).ShouldBe(before);
    }

    /// <summary>Creates the evidence sample as the CN-MOJ officer; returns its id.</summary>
    private async Task<string> CreateEvidenceAsync()
    {
        using var response = await _officer.PostAsync("/api/v1/requests", Body.Sample(Samples.Evidence));
        return (await response.ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
    }

    private static async Task<IReadOnlyList<JsonNode>> TasksAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/tasks");
        return [.. (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).AsArray().Select(t => t!)];
    }

    private static Task<HttpResponseMessage> CompleteAsync(HttpClient client, string taskId, string outcome) =>
        client.PostAsync($"/api/v1/tasks/{taskId}/complete", Body.Json(new JsonObject { ["outcome"] = outcome, ["form"] = new JsonObject() }));

    private static string Id(JsonNode task) => task["id"]!.GetValue<string>();

    private static IReadOnlyList<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(s => s!.GetValue<string>())];

    /// <summary>What a change would touch: the row counts and the request as its officer reads it.</summary>
    private async Task<(StoreCounts Counts, string Request)> SnapshotAsync(string requestId)
    {
        using var response = await _officer.GetAsync($"/api/v1/requests/{requestId}");
        return (await _node.CountsAsync(), (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).ToJsonString());
    }

    private async Task<IReadOnlyList<string>> AuditActionsAsync(string requestId)
    {
        var actions = new List<string>();
        await using var connection = await _node.Store.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT action FROM audit_log WHERE request_id = @id ORDER BY seq";
        AddParameter(command, "id", requestId);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            actions.Add(reader.GetString(0));
        }

        return actions;
    }

    /// <summary>The request's durable timers (workflow deadlines and their warnings).</summary>
    private async Task<long> RemindersAsync(string requestId)
    {
        await using var connection = await _node.Store.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM reminders WHERE grain_type = 'request' AND grain_key = @id";
        AddParameter(command, "id", requestId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void AddParameter(System.Data.Common.DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

public sealed class WorkingThroughTasksOnSqlite() : WorkingThroughTasks(StorageKind.Sqlite);

public sealed class WorkingThroughTasksOnPostgres() : WorkingThroughTasks(StorageKind.Postgres);
