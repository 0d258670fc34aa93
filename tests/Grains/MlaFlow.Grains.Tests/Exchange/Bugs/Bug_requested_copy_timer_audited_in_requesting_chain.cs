using MlaFlow.Testing;

namespace MlaFlow.Grains.Tests.Exchange.Bugs;

/// <summary>
/// Regression: a deadline or warning that fell due on the requested authority's copy was audited in the
/// requesting authority's chain (the grain named <c>request.Requesting</c>, right only for the requesting copy).
/// TH-OAG's chain then lacked the change to its own request, and CN-MOJ's held a record of a request it does not keep.
/// </summary>
public abstract class RequestedCopyTimerAuditContract(StorageKind kind) : SiloTest(kind)
{
    [SkippableFact]
    public async Task a_deadline_passing_on_thailands_copy_is_audited_in_thailands_chain()
    {
        var exchange = await LocalCase.OpenAsync(Silo, Time, ExchangeDrafts.Evidence());
        await exchange.China.CompleteAsync("draft-review", "ready");
        await exchange.China.CompleteAsync("ca-approval", "approved");
        await exchange.China.CompleteAsync("translation", "notRequired");

        await exchange.Thailand.LetDeadlinePassAsync("register");

        var thai = await exchange.Thailand.IdAsync();
        (await exchange.AuditChainsOfAsync(thai, "request.timer-fired")).ShouldBe(["TH-OAG"]);
        (await exchange.AuditChainsOfAsync(thai)).ShouldBe(["TH-OAG"]);
    }
}

public sealed class SqliteRequestedCopyTimerAuditTests() : RequestedCopyTimerAuditContract(StorageKind.Sqlite);

public sealed class PostgresRequestedCopyTimerAuditTests() : RequestedCopyTimerAuditContract(StorageKind.Postgres);
