using System.Text.Json.Nodes;
using MlaFlow.Grains.Requests;
using MlaFlow.Testing;

namespace MlaFlow.Grains.Tests.Exchange;

/// <summary>
/// An urgent request for provisional arrest from CN-MOJ to TH-OAG, both on one node, followed to its end on both
/// sides (requesting-provisionalArrest of the CN plugin, requested-provisionalArrest of the TH plugin). After the
/// arrest Thailand awaits the formal extradition request as a <c>request</c> message on the same case, for 60 days
/// from the arrest unless its court extends the detention (Extradition Act B.E. 2551 (2008)).
/// </summary>
public abstract class ProvisionalArrestExchangeContract(StorageKind kind) : SiloTest(kind)
{
    [SkippableFact]
    public async Task thailand_arrests_the_person_and_chinas_formal_request_arrives_in_time_so_both_copies_close()
    {
        var exchange = await SentAsync();
        await ArrestedAsync(exchange);

        await exchange.China.CompleteAsync("record-notice", "arrested");
        await exchange.China.CompleteAsync("prepare-formal", "ready");
        await exchange.China.CompleteAsync("approve-formal", "approved");

        await exchange.ShouldHaveEndedAsync(china: RequestStatus.Closed, thailand: RequestStatus.Closed);
        (await exchange.Thailand.GetAsync()).Workflow!.History[^1].StepId.ShouldBe("formal-request-received");
    }

    [SkippableFact]
    public async Task thailand_releases_the_person_when_no_formal_request_arrives_within_sixty_days_of_the_arrest()
    {
        var exchange = await SentAsync();
        await ArrestedAsync(exchange);

        await exchange.China.CompleteAsync("record-notice", "arrested");
        await exchange.Thailand.CompleteAsync("record-extension", "recorded", new JsonObject { ["extensionGranted"] = false });
        await exchange.Thailand.LetDeadlinePassAsync("await-request");
        await exchange.Thailand.CompleteAsync("release", "released");
        await exchange.China.CompleteAsync("record-notice", "personReleased");

        await exchange.ShouldHaveEndedAsync(china: RequestStatus.Released, thailand: RequestStatus.Released);
    }

    [SkippableFact]
    public async Task thailand_refuses_to_arrest_for_a_political_offence_and_china_records_the_refusal()
    {
        var exchange = await SentAsync();

        await exchange.Thailand.CompleteAsync("register", "registered", new JsonObject { ["registrationNumber"] = "OAG-EXT-2026-3" });
        await exchange.Thailand.CompleteAsync("urgent-review", "refuse", new JsonObject { ["refusalGround"] = "politicalOffence" });
        await exchange.China.CompleteAsync("review-refusal", "recorded");

        await exchange.ShouldHaveEndedAsync(china: RequestStatus.Refused, thailand: RequestStatus.Refused);
        (await exchange.Thailand.GetAsync()).Workflow!.Ground.ShouldStartWith("Political offence");
    }

    [SkippableFact]
    public async Task china_withdraws_a_request_thailand_has_not_acknowledged_within_two_working_days_so_both_copies_end_withdrawn()
    {
        var exchange = await SentAsync();

        await exchange.China.LetDeadlinePassAsync("await-ack");
        await exchange.China.CompleteAsync("chase-ack", "withdraw");
        await exchange.Thailand.CompleteAsync("stop-on-withdrawal", "stopped");

        await exchange.ShouldHaveEndedAsync(china: RequestStatus.Withdrawn, thailand: RequestStatus.Withdrawn);
    }

    /// <summary>China's prosecutor drafts the urgent request and its officer approves it, in English: the request is sent.</summary>
    private async Task<LocalCase> SentAsync()
    {
        var exchange = await LocalCase.OpenAsync(Silo, Time, ExchangeDrafts.ProvisionalArrest());
        await exchange.China.CompleteAsync("draft-review", "ready");
        await exchange.China.CompleteAsync("ca-approval", "approved");
        await exchange.China.CompleteAsync("translation", "notRequired");
        return exchange;
    }

    /// <summary>Thailand registers the request, orders the arrest, and the court orders detention: its notice of the arrest goes to China.</summary>
    private static async Task ArrestedAsync(LocalCase exchange)
    {
        await exchange.Thailand.CompleteAsync("register", "registered", new JsonObject { ["registrationNumber"] = "OAG-EXT-2026-3" });
        await exchange.Thailand.CompleteAsync("urgent-review", "arrest");
        await exchange.Thailand.CompleteAsync("arrest", "arrested");
        await exchange.Thailand.CompleteAsync("court-detention", "detentionOrdered");
    }
}

public sealed class SqliteProvisionalArrestExchangeTests() : ProvisionalArrestExchangeContract(StorageKind.Sqlite);

public sealed class PostgresProvisionalArrestExchangeTests() : ProvisionalArrestExchangeContract(StorageKind.Postgres);
