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

    [Fact]
    public async Task a_running_request_stays_on_its_version_until_an_officer_migrates_it_with_a_complete_mapping()
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

        await Should.ThrowAsync<RequestConflictException>(() => running.MigrateWorkflowAsync(Officer, 2, new Dictionary<string, string>()));
        (await running.GetAsync())!.Workflow!.Procedure.Version.ShouldBe(1);

        var migrated = await running.MigrateWorkflowAsync(Officer, 2, new Dictionary<string, string> { ["draft-review"] = "drafting" });

        migrated.Workflow!.Procedure.Version.ShouldBe(2);
        migrated.Workflow.Steps.Single().StepId.ShouldBe("drafting");
        await using var connection = await Database.Open().OpenAsync();
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'request.workflow-migrated' AND request_id = @Id", new { Id = started })).ShouldBe(1);
    }
}
