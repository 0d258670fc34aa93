using Dapper;
using Microsoft.Extensions.DependencyInjection;
using MlaFlow.Grains.Authorities;
using MlaFlow.Grains.Exchange;
using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Testing;
using NodaTime;

namespace MlaFlow.Grains.Tests.Exchange;

/// <summary>
/// China's node sends a request to Thailand's, which is down. Nothing is silent: the request's messages and its summary
/// say the delivery is queued and why the last attempt failed; the failure is kept and audited once, then again after
/// an hour, not at every retry; and once Thailand answers the message goes.
/// </summary>
public abstract class DeliveringWhileThePeerIsDown(StorageKind kind) : SiloTest(kind)
{
    private static readonly AuthorityId China = AuthorityId.Parse("CN-MOJ");
    private static readonly AuthorityId Thailand = AuthorityId.Parse("TH-OAG");
    private static readonly Actor Officer = new(China, "officer", "wang");

    [SkippableFact]
    public async Task the_delivery_shows_queued_with_the_last_error_and_the_failure_is_recorded_once_an_hour_not_at_every_retry()
    {
        var id = await SentAsync();
        var request = Silo.Grains.GetGrain<IAssistanceRequestGrain>(id);

        var failing = await Eventually.FoundAsync(async () =>
            (await request.MessagesAsync()).SingleOrDefault(m => m.Delivery is { Attempts: >= 3 }), "three failed attempts");

        failing.Direction.ShouldBe(MessageDirection.Sent);
        failing.Type.ShouldBe(MessageType.Request);
        failing.Delivery!.State.ShouldBeOneOf(DeliveryState.Queued, DeliveryState.Sending);
        failing.Delivery.LastError.ShouldBe("TH-OAG's node did not answer (connection refused).");
        failing.Delivery.NextAttemptAt.ShouldBe(failing.Delivery.LastAttemptAt + Retry);
        (await FailureRecordsAsync(id)).ShouldBe(1);
        var summary = (await Silo.Grains.GetGrain<IRequestIndexGrain>(China.Value).ListAsync(null, null, 1, 10)).Items.Single();
        (summary.Delivery, summary.DeliveryError).ShouldBe((DeliveryState.Queued, "TH-OAG's node did not answer (connection refused)."));
        (await request.GetAsync())!.Timeline.Count(e => e.What.StartsWith("not delivered to TH-OAG yet", StringComparison.Ordinal)).ShouldBe(1);

        Time.Advance(TimeSpan.FromHours(1));

        await Eventually.TrueAsync(() => FailureRecordsAsync(id).Result == 2, "the failure recorded again after an hour");
        (await request.GetAsync())!.Outbox!.Single().Attempts.ShouldBeGreaterThan(3);
        (await Silo.VerifyAuditAsync(China.Value)).IsIntact.ShouldBeTrue();
    }

    private static Duration Retry => Duration.FromMilliseconds(200);

    protected override Task<TestSilo> StartSiloAsync() =>
        TestSilo.StartAsync(Database, Time, configure: services => services
            .AddSingleton(new ServedAuthorities(new HashSet<AuthorityId> { China }))
            .AddSingleton<IRemoteExchange>(new PeersDown(Thailand))
            .AddSingleton(new OutboxSchedule(Retry)));

    // China's procedure: the prosecutor's draft, the officer's approval; the request is sent, to a node that is down.
    private async Task<string> SentAsync()
    {
        var created = await Silo.Grains.GetGrain<IAuthorityGrain>(China.Value).CreateRequestAsync(Drafts.Evidence(), Officer, null);
        var grain = Silo.Grains.GetGrain<IAssistanceRequestGrain>(created.Request.Id.Value);
        var request = await grain.CompleteTaskAsync(Officer with { Role = "prosecutor" }, created.Request.TokenAt("draft-review"), "ready", []);
        request = await grain.CompleteTaskAsync(Officer, request.TokenAt("ca-approval"), "approved", []);
        await grain.CompleteTaskAsync(Officer, request.TokenAt("translation"), "notRequired", []);
        return created.Request.Id.Value;
    }

    private async Task<long> FailureRecordsAsync(string id)
    {
        await using var connection = await Database.Open().OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'request.delivery-failing' AND request_id = @Id", new { Id = id });
    }
}

public sealed class DeliveringWhileThePeerIsDownOnSqlite() : DeliveringWhileThePeerIsDown(StorageKind.Sqlite);

public sealed class DeliveringWhileThePeerIsDownOnPostgres() : DeliveringWhileThePeerIsDown(StorageKind.Postgres);
