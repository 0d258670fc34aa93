using System.Net;
using MlaFlow.Gateway.Security;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Testing;

namespace MlaFlow.Gateway.Tests;

/// <summary>
/// Migrating running requests to another version of their procedure, as an admin with a reason. A migration that would
/// decide an outcome the steps did not reach — the forged ones below — is refused and writes nothing; the rules
/// themselves are the engine's (MlaFlow.Workflows.Tests, MigrationTests), a migration to a real second version the
/// grain's (MlaFlow.Grains.Tests, VersionPinningTests).
/// </summary>
public abstract class MigratingWorkflows(StorageKind storage) : OfficerNodeTest(storage)
{
    [SkippableTheory]
    [InlineData("executed")]
    [InlineData("send-request")]
    public async Task a_move_that_would_reach_an_outcome_or_skip_the_approvals_is_refused_and_writes_nothing(string target)
    {
        var id = await CreatedAsync();
        var before = await Node.CountsAsync();
        using var admin = Node.ClientFor(GatewayNode.China, Roles.Admin);

        using var response = await admin.PostAsync($"/api/v1/requests/{id}/workflow/migrate",
            Body.Json($$"""{ "version": 1, "steps": { "draft-review": "{{target}}" }, "reason": "forged" }"""));

        var detail = (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict))["detail"]!.GetValue<string>();
        detail.ShouldContain("already runs version 1");
        detail.ShouldContain($"draft-review → {target}: {target} is a");
        (await Node.CountsAsync()).ShouldBe(before);
        using var read = await Officer.GetAsync($"/api/v1/requests/{id}");
        var request = await read.ShouldBeJsonAsync(HttpStatusCode.OK);
        request["status"]!.GetValue<string>().ShouldBe("inProgress");
        request["workflow"]!["steps"]!.AsArray().Single()!["stepId"]!.GetValue<string>().ShouldBe("draft-review");
    }

    [SkippableFact]
    public async Task a_migration_without_a_version_steps_or_reason_is_refused_with_every_problem_at_once()
    {
        var id = await CreatedAsync();
        var before = await Node.CountsAsync();
        using var admin = Node.ClientFor(GatewayNode.China, Roles.Admin);

        using var response = await admin.PostAsync($"/api/v1/requests/{id}/workflow/migrate", Body.Json("""{ "steps": { "Draft Review": "x" } }"""));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Select(e => e.Key).Order().ShouldBe(["reason", "steps.Draft Review", "version"]);
        (await Node.CountsAsync()).ShouldBe(before);
    }

    [SkippableFact]
    public async Task a_migration_with_values_of_the_wrong_json_type_names_each_and_changes_nothing()
    {
        var id = await CreatedAsync();
        var before = await Node.CountsAsync();
        using var admin = Node.ClientFor(GatewayNode.China, Roles.Admin);

        using var response = await admin.PostAsync($"/api/v1/requests/{id}/workflow/migrate",
            Body.Json("""{ "version": "2", "steps": { "draft-review": 5, "ca-approval": "drafting" }, "reason": "v2" }"""));

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
        errors.Select(e => (e.Key, e.Value!.AsArray().Single()!.GetValue<string>())).ShouldBe([
            ("version", "A whole number (-2147483648 to 2147483647) expected, not a string."),
            ("steps.draft-review", "A string expected, not the number 5."),
        ]);
        (await Node.CountsAsync()).ShouldBe(before);
    }

    [SkippableFact]
    public async Task another_authoritys_request_is_not_found()
    {
        using var thailand = Node.ClientFor(GatewayNode.Thailand, Roles.Admin);
        var id = await CreatedAsync();

        using var response = await thailand.PostAsync($"/api/v1/requests/{id}/workflow/migrate",
            Body.Json("""{ "version": 2, "steps": { "draft-review": "drafting" }, "reason": "v2" }"""));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task a_bulk_migration_is_a_dry_run_unless_told_otherwise_and_lists_what_each_request_would_do()
    {
        var first = await CreatedAsync();
        var second = await CreatedAsync();
        var before = await Node.CountsAsync();
        using var admin = Node.ClientFor(GatewayNode.China, Roles.Admin);
        const string Body1 = """{ "procedure": { "country": "CN", "side": "requesting", "kind": "evidence", "version": 1 }, "version": 1, "steps": { "draft-review": "draft-review" }, "reason": "same version" }""";

        using var response = await admin.PostAsync("/api/v1/workflows/migrations", Body.Json(Body1));

        var result = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        result["dryRun"]!.GetValue<bool>().ShouldBeTrue();
        result["migrated"]!.AsArray().ShouldBeEmpty();
        var refused = result["refused"]!.AsArray();
        refused.Select(r => r!["requestId"]!.GetValue<string>()).Order().ShouldBe(new[] { first, second }.Order());
        refused.ShouldAllBe(r => r!["problem"]!.GetValue<string>().Contains("already runs version 1"));
        (await Node.CountsAsync()).ShouldBe(before);
    }

    private async Task<string> CreatedAsync()
    {
        using var created = await Officer.PostAsync("/api/v1/requests", Body.Sample(Samples.Evidence));
        return (await created.ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
    }
}

public sealed class MigratingWorkflowsOnSqlite() : MigratingWorkflows(StorageKind.Sqlite);

public sealed class MigratingWorkflowsOnPostgres() : MigratingWorkflows(StorageKind.Postgres);
