using Dapper;
using Microsoft.Extensions.DependencyInjection;
using MlaFlow.Grains.Authorities;
using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Testing;
using MlaFlow.Workflows.Execution;

namespace MlaFlow.Grains.Tests.Workflows;

/// <summary>A running request keeps the version it started on; new requests take the newest; moving one is explicit and audited.</summary>
public sealed class VersionPinningTests() : DatabaseTest(StorageKind.Sqlite)
{
    private static readonly Actor Officer = new(AuthorityId.Parse("CN-MOJ"), "officer", "wang");
    private static readonly Actor Admin = new(AuthorityId.Parse("CN-MOJ"), "admin", "li");

    [Fact]
    public async Task a_running_request_stays_on_its_version_until_an_operator_migrates_it_and_no_forged_move_writes_anything()
    {
        string started;
        await using (var before = await TestSilo.StartAsync(Database, Time))
        {
            started = (await before.Grains.GetGrain<IAuthorityGrain>("CN-MOJ").CreateRequestAsync(Drafts.Evidence("before v2"), Officer, null)).Request.Id.Value;
        }

        using var plugins = new PluginsWithNewVersion();
        await using var after = await TestSilo.StartAsync(Database, Time, "node-with-v2", services => services.AddSingleton(plugins.Catalog));
        var running = after.Grains.GetGrain<IAssistanceRequestGrain>(started);
        var newer = (await after.Grains.GetGrain<IAuthorityGrain>("CN-MOJ").CreateRequestAsync(Drafts.Evidence("after v2"), Officer, null)).Request;

        (await running.GetAsync())!.Workflow!.Procedure.Version.ShouldBe(1);
        newer.Workflow!.Procedure.Version.ShouldBe(2);
        newer.Workflow.Steps.Single().StepId.ShouldBe("drafting");

        await using var connection = await Database.Open().OpenAsync();
        var auditBefore = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log");
        // Forged: within the version it runs, straight to an end, or with a step left unmapped.
        (await Should.ThrowAsync<RequestConflictException>(() => running.MigrateWorkflowAsync(Admin, Migration(1, ("draft-review", "executed")), null, dryRun: false)))
            .Message.ShouldContain("already runs version 1");
        await Should.ThrowAsync<RequestConflictException>(() => running.MigrateWorkflowAsync(Admin, Migration(2), null, dryRun: false));
        var dryRun = await running.MigrateWorkflowAsync(Admin, Migration(2, ("draft-review", "drafting")), null, dryRun: true);
        dryRun.ShouldNotBeNull().Applied.ShouldBeFalse();
        dryRun.OpenSteps.ShouldBe(["drafting"]);
        (await running.GetAsync())!.Workflow!.Procedure.Version.ShouldBe(1);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log")).ShouldBe(auditBefore);

        var migrated = await running.MigrateWorkflowAsync(Admin, Migration(2, ("draft-review", "drafting")), null, dryRun: false);

        migrated.ShouldNotBeNull();
        (migrated.RequestId, migrated.From, migrated.ToVersion, migrated.Applied)
            .ShouldBe((started, new Procedure(CountryCode.Parse("CN"), WorkflowSide.Requesting, RequestKind.Evidence, 1), 2, true));
        migrated.OpenSteps.ShouldBe(["drafting"]);
        var request = (await running.GetAsync())!;
        request.Workflow!.Procedure.Version.ShouldBe(2);
        request.Workflow.Steps.Single().StepId.ShouldBe("drafting");
        request.Timeline[^1].ShouldBe(new TimelineEvent(Clock.GetCurrentInstant(), Admin.ToString(), "workflow migrated from version 1 to 2: drafting comes first in v2"));
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'request.workflow-migrated' AND request_id = @Id", new { Id = started })).ShouldBe(1);
    }

    private static WorkflowMigration Migration(int version, params (string From, string To)[] steps) =>
        new(version, steps.ToDictionary(s => s.From, s => s.To), "drafting comes first in v2");
}
