using System.Text.Json.Nodes;
using MlaFlow.Grains.Requests;
using MlaFlow.Testing;

namespace MlaFlow.Grains.Tests.Exchange;

/// <summary>
/// An extradition request from CN-MOJ to TH-OAG, both on one node, followed to its end on both sides
/// (requesting-extradition of the CN plugin, requested-extradition of the TH plugin): Thailand's judicial phase,
/// the government's decision and the surrender, each announced to China by a notice, and the surrender confirmed
/// by the final result.
/// </summary>
public abstract class ExtraditionExchangeContract(StorageKind kind) : SiloTest(kind)
{
    [SkippableFact]
    public async Task thailand_surrenders_the_person_to_chinas_escort_so_both_copies_end_surrendered()
    {
        var exchange = await DecidedAsync("grant");
        await exchange.China.CompleteAsync("record-notice", "surrenderArranged");
        await exchange.China.CompleteAsync("take-over", "takenOver");
        await exchange.Thailand.CompleteAsync("surrender", "surrendered");
        await exchange.China.CompleteAsync("record-surrender", "recorded");

        await exchange.ShouldHaveEndedAsync(china: RequestStatus.Surrendered, thailand: RequestStatus.Surrendered);
    }

    [SkippableFact]
    public async Task thailand_refuses_extradition_for_fear_of_persecution_and_china_records_the_refusal()
    {
        var exchange = await SentAsync();

        await exchange.Thailand.CompleteAsync("register", "registered", new JsonObject { ["registrationNumber"] = "OAG-EXT-2026-8" });
        await exchange.Thailand.CompleteAsync("formal-review", "refuse", new JsonObject { ["refusalGround"] = "persecution" });
        await exchange.China.CompleteAsync("review-refusal", "recorded");

        await exchange.ShouldHaveEndedAsync(china: RequestStatus.Refused, thailand: RequestStatus.Refused);
        (await exchange.Thailand.GetAsync()).Workflow!.Ground.ShouldBe("Request made to prosecute or punish the person on discriminatory grounds");
    }

    [SkippableFact]
    public async Task thailands_courts_finally_hold_the_person_not_extraditable_so_both_copies_end_refused()
    {
        var exchange = await SentAsync();
        await HeardAsync(exchange, ruling: "notExtraditable");

        await exchange.China.CompleteAsync("record-notice", "noted");
        await exchange.Thailand.CompleteAsync("appeal", "finalNotExtraditable");
        await exchange.China.CompleteAsync("review-refusal", "recorded");

        await exchange.ShouldHaveEndedAsync(china: RequestStatus.Refused, thailand: RequestStatus.Refused);
        (await exchange.Thailand.GetAsync()).Workflow!.History[^1].StepId.ShouldBe("refused-court");
    }

    [SkippableFact]
    public async Task china_withdraws_after_the_hearing_notice_so_both_copies_end_withdrawn()
    {
        var exchange = await SentAsync();
        await HeardAsync(exchange, ruling: "extraditable");

        await exchange.China.CompleteAsync("record-notice", "withdraw");
        await exchange.Thailand.CompleteAsync("stop-on-withdrawal", "stopped");

        await exchange.ShouldHaveEndedAsync(china: RequestStatus.Withdrawn, thailand: RequestStatus.Withdrawn);
    }

    [SkippableFact]
    public async Task the_person_is_released_when_china_cannot_take_them_over_within_the_ninety_days_for_surrender()
    {
        var exchange = await DecidedAsync("grant");
        await exchange.China.CompleteAsync("record-notice", "surrenderArranged");
        await exchange.China.CompleteAsync("take-over", "delayed");
        await exchange.China.CompleteAsync("take-over-delayed", "notPossible");
        await exchange.Thailand.LetDeadlinePassAsync("surrender");
        await exchange.Thailand.CompleteAsync("release", "released");
        await exchange.China.CompleteAsync("record-notice", "personReleased");

        await exchange.ShouldHaveEndedAsync(china: RequestStatus.Released, thailand: RequestStatus.Released);
    }

    [SkippableFact]
    public async Task thailand_postpones_the_surrender_and_china_closes_its_copy_as_postponed()
    {
        var exchange = await DecidedAsync("postpone");
        await exchange.China.CompleteAsync("review-postponement", "closePostponed");

        await exchange.ShouldHaveEndedAsync(china: RequestStatus.Postponed, thailand: RequestStatus.Postponed);
    }

    /// <summary>
    /// The request is sent and heard, China notes the hearing notice, the appeal court holds the person extraditable,
    /// and Thailand's government takes <paramref name="decision"/>.
    /// </summary>
    private async Task<LocalCase> DecidedAsync(string decision)
    {
        var exchange = await SentAsync();
        await HeardAsync(exchange, ruling: "extraditable");
        await exchange.China.CompleteAsync("record-notice", "noted");
        await exchange.Thailand.CompleteAsync("appeal", "finalExtraditable");
        await exchange.Thailand.CompleteAsync("government-decision", decision);
        return exchange;
    }

    /// <summary>China's prosecutor prepares the request (no death penalty, so no assurance), its officer approves it, in English: the request is sent.</summary>
    private async Task<LocalCase> SentAsync()
    {
        var exchange = await LocalCase.OpenAsync(Silo, Time, ExchangeDrafts.Extradition());
        await exchange.China.CompleteAsync("draft-review", "ready");
        await exchange.China.CompleteAsync("ca-approval", "approved");
        await exchange.China.CompleteAsync("translation", "notRequired");
        return exchange;
    }

    /// <summary>
    /// Thailand registers the request and finds it complete; the person (a Chinese national) is arrested on a
    /// warrant, the prosecutor petitions the Criminal Court, and the court rules: its notice of the hearing goes to China.
    /// </summary>
    private static async Task HeardAsync(LocalCase exchange, string ruling)
    {
        await exchange.Thailand.CompleteAsync("register", "registered", new JsonObject { ["registrationNumber"] = "OAG-EXT-2026-8" });
        await exchange.Thailand.CompleteAsync("formal-review", "complete");
        await exchange.Thailand.CompleteAsync("arrest-warrant", "arrested");
        await exchange.Thailand.CompleteAsync("court-petition", "filed");
        await exchange.Thailand.CompleteAsync("court-hearing", "ruled", new JsonObject { ["ruling"] = ruling });
    }
}

public sealed class SqliteExtraditionExchangeTests() : ExtraditionExchangeContract(StorageKind.Sqlite);

public sealed class PostgresExtraditionExchangeTests() : ExtraditionExchangeContract(StorageKind.Postgres);
