using Dapper;
using MlaFlow.Grains.Authorities;
using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Testing;
using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Execution;
using NodaTime;

namespace MlaFlow.Grains.Tests;

/// <summary>
/// An authority numbers its requests per year of its own calendar and never opens two for one Idempotency-Key. The
/// tests start at 23:00 on 31 December 2026 in Beijing (15:00 UTC), an hour before China's new year and nine before UTC's.
/// </summary>
public sealed class RequestNumberingTests() : SiloTest(StorageKind.Sqlite, TestTime.At(2026, 12, 31, hour: 15))
{
    private static readonly Actor Officer = new(AuthorityId.Parse("CN-MOJ"), "officer", "test");

    private IAuthorityGrain Authority => Silo.Grains.GetGrain<IAuthorityGrain>("CN-MOJ");

    [Fact]
    public async Task numbers_run_on_within_a_year_and_restart_with_the_next_in_the_authoritys_own_time_zone()
    {
        var first = await Authority.CreateRequestAsync(Draft("first"), Officer, null);
        var second = await Authority.CreateRequestAsync(Draft("second"), Officer, null);
        Time.Advance(TimeSpan.FromHours(2)); // 01:00 on 1 January 2027 in Beijing, still 2026 in UTC
        var third = await Authority.CreateRequestAsync(Draft("third"), Officer, null);

        first.Request.Id.Value.ShouldBe("CN-MOJ-2026-000001");
        second.Request.Id.Value.ShouldBe("CN-MOJ-2026-000002");
        third.Request.Id.Value.ShouldBe("CN-MOJ-2027-000001");
    }

    [Fact]
    public async Task submissions_at_once_get_the_next_numbers_each_once_written_together_each_with_its_audit_record()
    {
        const int submissions = 40;

        var created = await Task.WhenAll(Enumerable.Range(1, submissions).Select(i => Authority.CreateRequestAsync(Draft($"at once {i}"), Officer, null)));

        created.Select(c => c.Request.Id.Value).Order().ShouldBe(Enumerable.Range(1, submissions).Select(n => $"CN-MOJ-2026-{n:000000}"));
        var audit = await Silo.VerifyAuditAsync("CN-MOJ");
        audit.IsIntact.ShouldBeTrue(audit.Problem);
        audit.VerifiedRecords.ShouldBe(2 * submissions); // each number given, each request created
        await using var connection = await Database.Open().OpenAsync();
        var counterWrites = await connection.ExecuteScalarAsync<long>("SELECT etag FROM grain_state WHERE grain_type = 'authority' AND grain_key = 'CN-MOJ'");
        counterWrites.ShouldBeLessThan(submissions, "numbers asked for while the counter was being written are written together");
    }

    [Fact]
    public async Task the_same_idempotency_key_and_content_give_back_the_same_request()
    {
        var created = await Authority.CreateRequestAsync(Draft("once"), Officer, "key-1");
        var again = await Authority.CreateRequestAsync(Draft("once"), Officer, "key-1");

        created.Created.ShouldBeTrue();
        again.Created.ShouldBeFalse();
        again.Request.Id.ShouldBe(created.Request.Id);
    }

    [Fact]
    public async Task the_same_idempotency_key_with_other_content_is_refused()
    {
        var created = await Authority.CreateRequestAsync(Draft("once"), Officer, "key-2");

        var reused = await Should.ThrowAsync<IdempotencyKeyReusedException>(() => Authority.CreateRequestAsync(Draft("different"), Officer, "key-2"));

        reused.ExistingRequestId.ShouldBe(created.Request.Id.Value);
    }

    [Fact]
    public async Task an_officer_of_another_authority_cannot_open_requests_here()
    {
        var foreign = Officer with { Authority = AuthorityId.Parse("TH-OAG") };

        await Should.ThrowAsync<ArgumentException>(() => Authority.CreateRequestAsync(Draft("foreign"), foreign, null));
    }

    [Fact]
    public async Task a_new_request_starts_its_states_requesting_workflow_and_its_timeline_says_who_created_it()
    {
        var request = (await Authority.CreateRequestAsync(Draft("timeline"), Officer, null)).Request;

        request.Status.ShouldBe(RequestStatus.InProgress);
        request.Requesting.ShouldBe(new Party(CountryCode.Parse("CN"), AuthorityId.Parse("CN-MOJ")));
        request.Workflow.ShouldNotBeNull().Procedure.ShouldBe(new Procedure(CountryCode.Parse("CN"), WorkflowSide.Requesting, RequestKind.Evidence, 1));
        request.Workflow.Steps.ShouldNotBeEmpty();
        request.Timeline[0].ShouldBe(new TimelineEvent(Clock.GetCurrentInstant(), "officer:CN-MOJ:test", "created"));
        (await Silo.VerifyAuditAsync("CN-MOJ")).VerifiedRecords.ShouldBe(2);
    }

    private static NewAssistanceRequest Draft(string facts) => Drafts.Evidence(facts);
}
