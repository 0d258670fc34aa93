using System.Text.Json.Nodes;
using MlaFlow.Grains.Requests;
using MlaFlow.Testing;

namespace MlaFlow.Grains.Tests.Exchange;

/// <summary>
/// A request for evidence from CN-MOJ to TH-OAG, both on one node, followed to its end on both sides: China's
/// copy (requesting-evidence of the CN plugin) and Thailand's (requested-evidence of the TH plugin) move each
/// other only through the messages their steps send.
/// </summary>
public abstract class EvidenceExchangeContract(StorageKind kind) : SiloTest(kind)
{
    [SkippableFact]
    public async Task thailand_executes_the_request_and_returns_the_results_so_both_copies_end_executed()
    {
        var exchange = await SentAsync();

        await exchange.Thailand.CompleteAsync("register", "registered", new JsonObject { ["registrationNumber"] = "OAG-MLA-2026-17" });
        await exchange.Thailand.CompleteAsync("check", "complete");
        await exchange.Thailand.CompleteAsync("assign", "assigned", new JsonObject { ["executingAuthority"] = "Economic Crime Suppression Division" });
        await exchange.Thailand.CompleteAsync("execute-investigative", "done", new JsonObject { ["resultSummary"] = "Statements of account 2024–2025 obtained." });
        await exchange.Thailand.CompleteAsync("execute-judicial", "notRequired");
        await exchange.Thailand.CompleteAsync("review", "complete");
        await exchange.China.CompleteAsync("review-result", "complete");

        await exchange.ShouldHaveEndedAsync(china: RequestStatus.Executed, thailand: RequestStatus.Executed);
    }

    [SkippableFact]
    public async Task thailand_asks_for_more_information_then_returns_part_of_the_results_so_both_copies_end_partially_executed()
    {
        var exchange = await SentAsync();

        await exchange.Thailand.CompleteAsync("register", "registered");
        await exchange.Thailand.CompleteAsync("check", "incomplete", new JsonObject { ["notes"] = "Which accounts, and for which period?" });
        await exchange.China.CompleteAsync("answer-rfi", "answered", new JsonObject { ["answerSummary"] = "Account 123-4-56789-0, January 2024 to June 2025." });
        await exchange.Thailand.CompleteAsync("check", "complete");
        await exchange.Thailand.CompleteAsync("assign", "assigned");
        await exchange.Thailand.CompleteAsync("execute-investigative", "done");
        await exchange.Thailand.CompleteAsync("execute-judicial", "notRequired");
        await exchange.Thailand.CompleteAsync("review", "partial");
        await exchange.China.CompleteAsync("review-result", "partial");

        await exchange.ShouldHaveEndedAsync(china: RequestStatus.PartiallyExecuted, thailand: RequestStatus.PartiallyExecuted);
    }

    [SkippableFact]
    public async Task china_withdraws_while_thailand_executes_so_both_copies_end_withdrawn()
    {
        var exchange = await SentAsync();
        await exchange.Thailand.CompleteAsync("register", "registered");
        await exchange.Thailand.CompleteAsync("check", "complete");
        await exchange.Thailand.CompleteAsync("assign", "assigned");

        // No task offers it: the prosecutor decides to withdraw, and China's procedure awaits that signal all along.
        await exchange.China.SignalAsync("withdraw");
        await exchange.Thailand.CompleteAsync("stop-on-withdrawal", "stopped");

        await exchange.ShouldHaveEndedAsync(china: RequestStatus.Withdrawn, thailand: RequestStatus.Withdrawn);
    }

    [SkippableFact]
    public async Task thailand_refuses_for_want_of_dual_criminality_and_china_records_the_refusal()
    {
        var exchange = await SentAsync();

        await exchange.Thailand.CompleteAsync("register", "registered");
        await exchange.Thailand.CompleteAsync("check", "refuse", new JsonObject { ["refusalGround"] = "noDualCriminality" });
        await exchange.China.CompleteAsync("review-refusal", "recorded");

        await exchange.ShouldHaveEndedAsync(china: RequestStatus.Refused, thailand: RequestStatus.Refused);
        (await exchange.Thailand.GetAsync()).Workflow!.Ground.ShouldStartWith("The conduct is not an offence under Thai law");
    }

    [SkippableFact]
    public async Task china_withdraws_when_it_cannot_answer_thailands_questions_so_both_copies_end_withdrawn()
    {
        var exchange = await SentAsync();

        await exchange.Thailand.CompleteAsync("register", "registered");
        await exchange.Thailand.CompleteAsync("check", "incomplete");
        await exchange.China.CompleteAsync("answer-rfi", "cannotAnswer");
        await exchange.Thailand.CompleteAsync("stop-on-withdrawal", "stopped");

        await exchange.ShouldHaveEndedAsync(china: RequestStatus.Withdrawn, thailand: RequestStatus.Withdrawn);
    }

    [SkippableFact]
    public async Task thailand_postpones_execution_and_later_closes_the_request_so_china_closes_its_copy()
    {
        var exchange = await SentAsync();

        await exchange.Thailand.CompleteAsync("register", "registered");
        await exchange.Thailand.CompleteAsync("check", "postpone", new JsonObject { ["notes"] = "A Thai investigation of the same accounts is under way." });
        await exchange.China.CompleteAsync("review-postponement", "keepPending");
        await exchange.Thailand.CompleteAsync("postponed", "close");
        await exchange.China.CompleteAsync("record-notice", "requestClosed");

        await exchange.ShouldHaveEndedAsync(china: RequestStatus.Closed, thailand: RequestStatus.Postponed);
    }

    [SkippableFact]
    public async Task thailand_lets_the_request_lapse_when_china_leaves_its_questions_unanswered_for_sixty_days()
    {
        var exchange = await SentAsync();

        await exchange.Thailand.CompleteAsync("register", "registered");
        await exchange.Thailand.CompleteAsync("check", "incomplete");
        await exchange.China.LetDeadlinePassAsync("answer-rfi");
        await exchange.Thailand.LetDeadlinePassAsync("await-more");
        await exchange.China.CompleteAsync("record-notice", "requestLapsed");

        await exchange.ShouldHaveEndedAsync(china: RequestStatus.Lapsed, thailand: RequestStatus.Lapsed);
    }

    /// <summary>China's prosecutor drafts the request, its officer approves it and needs no translation (Thailand takes English): the request is sent.</summary>
    private async Task<LocalCase> SentAsync()
    {
        var exchange = await LocalCase.OpenAsync(Silo, Time, ExchangeDrafts.Evidence());
        await exchange.China.CompleteAsync("draft-review", "ready");
        await exchange.China.CompleteAsync("ca-approval", "approved");
        await exchange.China.CompleteAsync("translation", "notRequired");
        return exchange;
    }
}

public sealed class SqliteEvidenceExchangeTests() : EvidenceExchangeContract(StorageKind.Sqlite);

public sealed class PostgresEvidenceExchangeTests() : EvidenceExchangeContract(StorageKind.Postgres);
