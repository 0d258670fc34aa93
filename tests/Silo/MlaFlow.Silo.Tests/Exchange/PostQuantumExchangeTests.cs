using System.Text.Json.Nodes;
using MlaFlow.Silo.Tests.Api;
using MlaFlow.Testing;

namespace MlaFlow.Silo.Tests.Exchange;

/// <summary>
/// Two MlaFlow.Silo processes (docs/messaging.md, "Exchange between nodes", post-quantum suite): when both authorities hold
/// post-quantum keys, the request and the evidence file coming back travel in envelopes of the post-quantum suite, and every
/// receipt carries the recipient's ML-DSA-65 signature beside its Ed25519 one. A node whose authority holds classical keys
/// only still exchanges with a post-quantum one, classically.
/// </summary>
public sealed class PostQuantumExchangeTests
{
    private const string PostQuantumSuite = "xwing-ed25519-mldsa65";
    private const string ClassicalSuite = "x25519-ed25519";

    private readonly MarkedEvidence _evidence = MarkedEvidence.Create(3 * 1024 * 1024, $"PQ-EVIDENCE-{Guid.NewGuid():N}");

    [Fact]
    public async Task two_post_quantum_nodes_exchange_the_request_and_the_evidence_in_the_post_quantum_suite()
    {
        await using var nodes = await TwoNodes.StartAsync(chinaPostQuantum: true, thailandPostQuantum: true);
        await nodes.ExplainingFailuresAsync(async () =>
        {
            using var workers = await CaseWorkers.SignInAsync(nodes);
            var (id, copy) = await workers.SendRequestAsync();
            await WorkToReviewAsync(workers.ThaiOfficer);
            var file = await workers.ThaiOfficer.UploadAsync(copy, "statement.bin", _evidence.Bytes);
            await workers.ThaiOfficer.CompleteAsync("review", "complete");

            var received = await workers.ChineseOfficer.WaitForAsync(id, r => r["files"] is JsonArray { Count: > 0 }, "the evidence file to arrive");
            received["files"]![0]!["sha256"]!.GetValue<string>().ShouldBe(_evidence.Sha256);
            (await workers.ChineseProsecutor.DownloadSha256Async(id, file["id"]!.GetValue<string>())).ShouldBe(_evidence.Sha256);

            (await SuitesAsync(nodes.Thailand)).ShouldBe([PostQuantumSuite]);
            (await SuitesAsync(nodes.China)).ShouldAllBe(s => s == PostQuantumSuite);
            var delivered = await workers.ThaiOfficer.WaitForAsync(copy, r => Sent(r, "finalResult")["deliveredAt"] is not null, "its final result delivered");
            foreach (var evidence in new[] { "receipt", "deliveryEvidence" })
            {
                var signed = JsonNode.Parse(Sent(delivered, "finalResult")[evidence]!.GetValue<string>())!;
                signed["postQuantumSigningKey"].ShouldNotBeNull($"China's {evidence} is signed with its ML-DSA-65 key too");
                signed["postQuantumSignature"].ShouldNotBeNull(evidence);
            }
        });
    }

    [Fact]
    public async Task a_node_with_classical_keys_only_still_exchanges_with_a_post_quantum_one()
    {
        await using var nodes = await TwoNodes.StartAsync(chinaPostQuantum: true, thailandPostQuantum: false);
        await nodes.ExplainingFailuresAsync(async () =>
        {
            using var workers = await CaseWorkers.SignInAsync(nodes);
            var (id, copy) = await workers.SendRequestAsync();
            var sent = await workers.ChineseOfficer.WaitForAsync(id, r => Sent(r, "request")["deliveredAt"] is not null, "its request delivered");
            JsonNode.Parse(Sent(sent, "request")["receipt"]!.GetValue<string>())!["postQuantumSignature"].ShouldBeNull("Thailand holds classical keys only");
            await workers.ThaiOfficer.CompleteAsync("register", "registered", new JsonObject { ["registrationNumber"] = "OAG-MLA-2026-33" });
            await Eventually.FoundAsync(async () => (await nodes.China.Store.InboxAsync()).FirstOrDefault(), "Thailand's acknowledgement to reach China");

            (await SuitesAsync(nodes.Thailand)).ShouldBe([ClassicalSuite]);
            (await SuitesAsync(nodes.China)).ShouldAllBe(s => s == ClassicalSuite);
        });
    }

    // Thailand's procedure (the TH plugin's requested-evidence workflow) up to the review that sends the result.
    private static async Task WorkToReviewAsync(CaseWorker officer)
    {
        await officer.CompleteAsync("register", "registered", new JsonObject { ["registrationNumber"] = "OAG-MLA-2026-32" });
        await officer.CompleteAsync("check", "complete");
        await officer.CompleteAsync("assign", "assigned", new JsonObject { ["executingAuthority"] = "Royal Thai Police" });
        await officer.CompleteAsync("execute-investigative", "done", new JsonObject { ["resultSummary"] = "Statement taken." });
        await officer.CompleteAsync("execute-judicial", "notRequired");
        await officer.WaitForTaskAsync("review");
    }

    // The suite of every envelope a node's exchange inbox kept, as it arrived.
    private static async Task<List<string>> SuitesAsync(AuthorityNode node) =>
        [.. (await node.Store.InboxAsync()).Select(e => JsonNode.Parse(e.Envelope)!["suite"]!.GetValue<string>())];

    private static JsonNode Sent(JsonNode request, string type) => request["outbox"]!.AsArray().Single(m => m!["type"]!.GetValue<string>() == type)!;

    /// <summary>China's officer and prosecutor and Thailand's officer, each signed in to their node.</summary>
    private sealed class CaseWorkers(CaseWorker chineseOfficer, CaseWorker chineseProsecutor, CaseWorker thaiOfficer) : IDisposable
    {
        public CaseWorker ChineseOfficer => chineseOfficer;

        public CaseWorker ChineseProsecutor => chineseProsecutor;

        public CaseWorker ThaiOfficer => thaiOfficer;

        public static async Task<CaseWorkers> SignInAsync(TwoNodes nodes) => new(
            new CaseWorker(() => nodes.China.Address, await nodes.China.TokenAsync("officer")),
            new CaseWorker(() => nodes.China.Address, await nodes.China.TokenAsync("prosecutor")),
            new CaseWorker(() => nodes.Thailand.Address, await nodes.Thailand.TokenAsync("officer")));

        /// <summary>China's procedure (the CN plugin's requesting-evidence workflow) up to the send step; the request's id and Thailand's copy.</summary>
        public async Task<(string Id, string Copy)> SendRequestAsync()
        {
            var id = await chineseOfficer.CreateRequestAsync(SampleRequests.EvidenceMarked("post-quantum"));
            await chineseProsecutor.CompleteAsync("draft-review", "ready");
            await chineseOfficer.CompleteAsync("ca-approval", "approved");
            await chineseOfficer.CompleteAsync("translation", "notRequired");
            var sent = await chineseOfficer.WaitForAsync(id, r => r["counterpart"] is not null, "sent to Thailand's node");
            return (id, sent["counterpart"]!.GetValue<string>());
        }

        public void Dispose()
        {
            chineseOfficer.Dispose();
            chineseProsecutor.Dispose();
            thaiOfficer.Dispose();
        }
    }
}
