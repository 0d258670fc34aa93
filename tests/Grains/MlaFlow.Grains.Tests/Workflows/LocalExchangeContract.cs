using System.Text.Json.Nodes;
using MlaFlow.Grains.Authorities;
using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Testing;
using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Execution;

namespace MlaFlow.Grains.Tests.Workflows;

/// <summary>
/// CN-MOJ and TH-OAG on one node: what one side's workflow sends reaches the other side's copy of the
/// request, once, in its own turn. China sends an evidence request; Thailand registers and acknowledges it.
/// </summary>
public abstract class LocalExchangeContract(StorageKind kind) : SiloTest(kind)
{
    private static readonly Actor ChineseProsecutor = new(AuthorityId.Parse("CN-MOJ"), "prosecutor", "li");
    private static readonly Actor ChineseOfficer = new(AuthorityId.Parse("CN-MOJ"), "officer", "wang");
    private static readonly Actor ThaiOfficer = new(AuthorityId.Parse("TH-OAG"), "officer", "somchai");

    [SkippableFact]
    public async Task a_sent_request_opens_thailands_copy_and_its_acknowledgement_reaches_china()
    {
        var china = await SentEvidenceRequestAsync();
        await Silo.SettleAsync();

        var sent = (await Request(china).GetAsync())!;
        var thaiId = sent.Counterpart.ShouldNotBeNull();
        thaiId.ShouldStartWith("TH-OAG-");
        var thai = (await Request(thaiId).GetAsync())!;
        thai.Side.ShouldBe(WorkflowSide.Requested);
        thai.Counterpart.ShouldBe(china);
        thai.Workflow!.Procedure.ShouldBe(new Procedure(CountryCode.Parse("TH"), WorkflowSide.Requested, RequestKind.Evidence, 1));
        thai.WaitingSteps().ShouldContain("register");

        await Request(thaiId).CompleteTaskAsync(ThaiOfficer, thai.TokenAt("register"), "registered", new JsonObject { ["registrationNumber"] = "OAG-MLA-2026-17" });
        await Silo.SettleAsync();

        var acknowledged = (await Request(china).GetAsync())!;
        acknowledged.Timeline.ShouldContain(e => e.What.StartsWith("received from TH-OAG", StringComparison.Ordinal) && e.What.EndsWith("Acknowledgement", StringComparison.Ordinal));
        acknowledged.WaitingSteps().ShouldNotContain("await-ack");
        (await Silo.VerifyAuditAsync("CN-MOJ")).IsIntact.ShouldBeTrue();
        (await Silo.VerifyAuditAsync("TH-OAG")).IsIntact.ShouldBeTrue();
    }

    [SkippableFact]
    public async Task a_message_delivered_twice_is_taken_once()
    {
        var china = await SentEvidenceRequestAsync();
        await Silo.SettleAsync();
        var thaiId = (await Request(china).GetAsync())!.Counterpart!;
        var before = (await Request(thaiId).GetAsync())!;

        // The same request message again, as after a crash between delivery and its record.
        var again = await Silo.Grains.GetGrain<IAuthorityGrain>("TH-OAG").ReceiveRequestAsync(new IncomingRequest($"{china}/m1", (await Request(china).GetAsync())!));
        await Request(thaiId).ReceiveMessageAsync(new IncomingMessage(before.ReceivedMessages![0].Id, MessageType.Request, china));

        again.ShouldBe(thaiId);
        (await Request(thaiId).GetAsync())!.Timeline.Count.ShouldBe(before.Timeline.Count);
    }

    private async Task<string> SentEvidenceRequestAsync()
    {
        var created = await Silo.Grains.GetGrain<IAuthorityGrain>("CN-MOJ").CreateRequestAsync(Drafts.Evidence("exchange"), ChineseOfficer, null);
        var id = created.Request.Id.Value;
        var request = await Request(id).CompleteTaskAsync(ChineseProsecutor, created.Request.TokenAt("draft-review"), "ready", []);
        request = await Request(id).CompleteTaskAsync(ChineseOfficer, request.TokenAt("ca-approval"), "approved", []);
        request = await Request(id).CompleteTaskAsync(ChineseOfficer, request.TokenAt("translation"), "notRequired", []);
        request.Outbox.ShouldNotBeNull().ShouldContain(m => m.Type == MessageType.Request && m.DeliveredAt == null);
        return id;
    }

    private IAssistanceRequestGrain Request(string id) => Silo.Grains.GetGrain<IAssistanceRequestGrain>(id);
}

public sealed class SqliteLocalExchangeTests() : LocalExchangeContract(StorageKind.Sqlite);

public sealed class PostgresLocalExchangeTests() : LocalExchangeContract(StorageKind.Postgres);
