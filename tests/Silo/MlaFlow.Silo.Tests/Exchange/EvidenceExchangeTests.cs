using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MlaFlow.Messaging.Attachments;
using MlaFlow.Messaging.Files;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Silo.Tests.Api;
using MlaFlow.Silo.Tests.Processes;
using MlaFlow.Testing;
using Xunit.Abstractions;

namespace MlaFlow.Silo.Tests.Exchange;

/// <summary>
/// Two nodes as two processes (docs/messaging.md, "Exchange between nodes"): China's central authority sends an evidence
/// request to Thailand's, Thailand's workflow runs, and 50 MB of evidence obtained come back to China with the final
/// result — the same bytes, by SHA-256. A node that is down, or dies in the middle of a transfer, only delays delivery:
/// each message arrives exactly once. Neither the request's text nor the file's content crosses the wire in clear, and
/// neither is kept in clear in the exchange inbox or the file store.
/// </summary>
public sealed class EvidenceExchangeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int EvidenceLength = 50 * 1024 * 1024;
    private const string RequestLine = "PUT /exchange/v1/attachments/";

    // 50 MB go segment by segment through a proxy into the recipient's store, each written to disk before it is counted.
    private static readonly TimeSpan TransferTimeout = TimeSpan.FromSeconds(90);

    private readonly string _requestMarker = $"REQUEST-MARKER-{Guid.NewGuid():N}";
    private readonly MarkedEvidence _evidence = MarkedEvidence.Create(EvidenceLength, $"EVIDENCE-MARKER-{Guid.NewGuid():N}");
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TwoNodes _nodes = null!;
    private CaseWorker _chineseOfficer = null!;
    private CaseWorker _chineseProsecutor = null!;
    private CaseWorker _thaiOfficer = null!;

    public async Task InitializeAsync()
    {
        _nodes = await TwoNodes.StartAsync();
        _chineseOfficer = new CaseWorker(() => _nodes.China.Address, await _nodes.China.TokenAsync("officer"));
        _chineseProsecutor = new CaseWorker(() => _nodes.China.Address, await _nodes.China.TokenAsync("prosecutor"));
        _thaiOfficer = new CaseWorker(() => _nodes.Thailand.Address, await _nodes.Thailand.TokenAsync("officer"));
        Log("both nodes started, keys exchanged, tokens issued");
    }

    public async Task DisposeAsync()
    {
        _chineseOfficer?.Dispose();
        _chineseProsecutor?.Dispose();
        _thaiOfficer?.Dispose();
        if (_nodes is not null)
        {
            await _nodes.DisposeAsync();
        }
    }

    [Fact]
    public Task a_request_sent_while_thailands_node_is_down_arrives_once_and_50_MB_of_evidence_come_back_never_in_clear() =>
        _nodes.ExplainingFailuresAsync(async () =>
        {
            await _nodes.Thailand.KillAsync();
            var id = await SendRequestAsync();
            // Not silent: the request's messages say why, and the node warns once, not at every failed round.
            var delivery = await Eventually.FoundAsync(async () =>
                (await _chineseOfficer.MessagesAsync(id)).Single()!["delivery"] is { } d && d["attempts"]!.GetValue<int>() >= 2 ? d : null,
                "two outbox rounds of China's node to fail on Thailand's, down");
            delivery["state"]!.GetValue<string>().ShouldBeOneOf("queued", "sending");
            delivery["lastError"]!.GetValue<string>().ShouldContain("TH-OAG");
            _nodes.China.Logged($"Message {id}/m1 to TH-OAG not delivered after").ShouldBe(1);
            var waiting = await _chineseOfficer.RequestAsync(id);
            waiting["counterpart"].ShouldBeNull();
            waiting["outbox"]![0]!["deliveredAt"].ShouldBeNull();
            Log("Thailand's node down: two outbox rounds failed");

            await _nodes.Thailand.StartAsync();
            var copy = await ArrivedAsync(id);
            Log("Thailand's node back: the request arrived");
            (await _thaiOfficer.RequestsAsync())["total"]!.GetValue<int>().ShouldBe(1, "the request arrived exactly once");
            var sent = await DeliveredAsync(_chineseOfficer, id, "request");
            Timeline(sent).Count(e => e.StartsWith("delivered to TH-OAG", StringComparison.Ordinal)).ShouldBe(1);
            ShouldBeAcceptedAndDelivered(Message(sent, "request"));

            var file = await AddEvidenceAsync(copy);
            await _thaiOfficer.CompleteAsync("review", "complete");
            var received = await ReceivedAsync(id, file);
            Log("the final result and its 50 MB arrived in China");

            await _chineseProsecutor.CompleteAsync("review-result", "complete");
            await _chineseOfficer.WaitForAsync(id, r => r["status"]!.GetValue<string>() == "executed", "executed");
            await _thaiOfficer.WaitForAsync(copy, r => r["status"]!.GetValue<string>() == "executed", "executed");
            ShouldBeAcceptedAndDelivered(Message(await DeliveredAsync(_thaiOfficer, copy, "finalResult"), "finalResult"));
            Timeline(received).Count(e => e.StartsWith($"received from TH-OAG ({copy}): ", StringComparison.Ordinal) && e.Contains("finalResult", StringComparison.OrdinalIgnoreCase))
                .ShouldBe(1, "the final result arrived exactly once");

            (await _nodes.Thailand.Store.InboxAsync()).Select(e => (e.Sender, e.MessageType)).ShouldBe([("CN-MOJ", "request")]);
            (await _nodes.China.Store.InboxAsync()).Select(e => (e.Sender, e.MessageType)).ShouldBe([("TH-OAG", "acknowledgement"), ("TH-OAG", "finalResult")]);
            await NeitherMarkerInClearAsync(id, file["id"]!.GetValue<string>());
            Log("the markers are nowhere in clear");
        });

    [Fact]
    public Task evidence_cut_off_midway_by_a_crash_of_thailands_node_resumes_where_it_stopped_and_arrives_once() =>
        _nodes.ExplainingFailuresAsync(async () =>
        {
            var id = await SendRequestAsync();
            var copy = await ArrivedAsync(id);
            var file = await AddEvidenceAsync(copy);
            var fileId = file["id"]!.GetValue<string>();

            // About 20 MB into the file, the connection to China's node breaks; then Thailand's node, the sender, dies.
            _nodes.China.Inbound.CutAfter(20 * 1024 * 1024);
            await _thaiOfficer.CompleteAsync("review", "complete");
            await Eventually.TrueAsync(() => _nodes.China.Inbound.IsRefusing, "the connection to China's node to be cut", TransferTimeout);
            await _nodes.Thailand.KillAsync();
            var cut = await TransferAsync(fileId);
            Log($"cut off and killed at segment {cut["nextSegment"]} of {cut["segmentCount"]}");
            cut["complete"]!.GetValue<bool>().ShouldBeFalse();
            cut["nextSegment"]!.GetValue<long>().ShouldBeGreaterThan(0, "segments arrived before the cut");

            _nodes.China.Reconnect();
            await _nodes.Thailand.StartAsync();
            var received = await ReceivedAsync(id, file);
            Log("the final result and its 50 MB arrived in China");

            _nodes.Thailand.Output.ShouldContain($"Resuming file {fileId} ({EvidenceLength} bytes) at segment {cut["nextSegment"]} of {cut["segmentCount"]}");
            var segments = new AttachmentLayout(EvidenceLength, EvidenceFileStore.SegmentSize).SegmentCount;
            var puts = _nodes.China.Inbound.Connections.Sum(c => c.CountSent(Encoding.ASCII.GetBytes($"{RequestLine}{fileId}/segments/")));
            output.WriteLine($"{puts} segment uploads for {segments} segments");
            puts.ShouldBeInRange((int)segments, (int)segments + 4, "only the segments cut off in flight are sent again, not the file from its start");

            (await _chineseProsecutor.DownloadSha256Async(id, fileId)).ShouldBe(_evidence.Sha256);
            Timeline(received).Count(e => e.StartsWith($"received from TH-OAG ({copy}): ", StringComparison.Ordinal) && e.Contains("finalResult", StringComparison.OrdinalIgnoreCase))
                .ShouldBe(1, "the final result arrived exactly once");
            (await _nodes.China.Store.InboxAsync()).Select(e => (e.Sender, e.MessageType)).ShouldBe([("TH-OAG", "acknowledgement"), ("TH-OAG", "finalResult")]);
            // The acceptance was kept before the upload began, so the crash did not lose it; the envelope sent again after
            // the restart was answered as a replay, which is not kept as an acceptance.
            ShouldBeAcceptedAndDelivered(Message(await DeliveredAsync(_thaiOfficer, copy, "finalResult"), "finalResult"));
        });

    // China's procedure (the CN plugin's requesting-evidence workflow) up to the send step; returns the request's id.
    private async Task<string> SendRequestAsync()
    {
        var id = await _chineseOfficer.CreateRequestAsync(SampleRequests.EvidenceMarked(_requestMarker));
        await _chineseProsecutor.CompleteAsync("draft-review", "ready");
        await _chineseOfficer.CompleteAsync("ca-approval", "approved");
        await _chineseOfficer.CompleteAsync("translation", "notRequired");
        return id;
    }

    // Thailand's copy of request id, once China's node has its acknowledgement of acceptance.
    private async Task<string> ArrivedAsync(string id)
    {
        var sent = await _chineseOfficer.WaitForAsync(id, r => r["counterpart"] is not null, "sent to Thailand's node");
        var copy = sent["counterpart"]!.GetValue<string>();
        copy.ShouldStartWith("TH-OAG-");
        (await _thaiOfficer.RequestAsync(copy))["summaryOfFacts"]!.GetValue<string>().ShouldEndWith(_requestMarker);
        return copy;
    }

    // Thailand's procedure (the TH plugin's requested-evidence workflow) up to the review that sends the result, with
    // the evidence obtained added to the request: the next message, the final result, carries it.
    private async Task<JsonNode> AddEvidenceAsync(string copy)
    {
        await _thaiOfficer.CompleteAsync("register", "registered", new JsonObject { ["registrationNumber"] = "OAG-MLA-2026-31" });
        await _thaiOfficer.CompleteAsync("check", "complete");
        await _thaiOfficer.CompleteAsync("assign", "assigned", new JsonObject { ["executingAuthority"] = "Royal Thai Police, Central Investigation Bureau" });
        await _thaiOfficer.CompleteAsync("execute-investigative", "done", new JsonObject { ["resultSummary"] = "Records of account 123-4-56789-0 obtained." });
        await _thaiOfficer.CompleteAsync("execute-judicial", "notRequired");
        await _thaiOfficer.WaitForTaskAsync("review");
        var file = await _thaiOfficer.UploadAsync(copy, "bank-records.bin", _evidence.Bytes);
        file["size"]!.GetValue<long>().ShouldBe(EvidenceLength);
        file["sha256"]!.GetValue<string>().ShouldBe(_evidence.Sha256);
        Log("Thailand's workflow ran to the review; the evidence is uploaded");
        return file;
    }

    // China's request once the final result brought the file, whole: same id, size and SHA-256 as uploaded in Thailand.
    private async Task<JsonNode> ReceivedAsync(string id, JsonNode uploaded)
    {
        var received = await _chineseOfficer.WaitForAsync(id, r => r["files"] is JsonArray { Count: > 0 }, "the evidence file to arrive", TransferTimeout);
        var file = received["files"]!.AsArray().ShouldHaveSingleItem()!;
        file["id"]!.GetValue<string>().ShouldBe(uploaded["id"]!.GetValue<string>());
        file["size"]!.GetValue<long>().ShouldBe(EvidenceLength);
        file["sha256"]!.GetValue<string>().ShouldBe(_evidence.Sha256);
        return received;
    }

    // Where an anonymous sender reads it: China's record of the incoming file's transfer.
    private async Task<JsonNode> TransferAsync(string fileId)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(_nodes.China.Address, $"/exchange/v1/attachments/{fileId}"));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!;
    }

    // On the wire both ways, in both exchange inboxes and in both file stores, neither marker is found; the same search
    // does find both where the API hands them out in clear, so its silence is not blindness.
    private async Task NeitherMarkerInClearAsync(string id, string fileId)
    {
        var markers = new[] { _requestMarker, _evidence.Marker }.Select(m => (Text: m, Bytes: Encoding.ASCII.GetBytes(m))).ToList();
        var relayed = _nodes.China.Inbound.Connections.Sum(c => c.Length.Sent);
        relayed.ShouldBeGreaterThan(EvidenceLength, "the file's encrypted bytes crossed the proxy that recorded them");
        foreach (var (text, bytes) in markers)
        {
            _nodes.WireCarried(bytes).ShouldBeFalse($"{text} crossed the wire in clear");
            foreach (var node in new[] { _nodes.China, _nodes.Thailand })
            {
                (await node.Store.InboxAsync()).Where(e => Holds(e.Envelope, bytes)).Select(e => e.MessageId)
                    .ShouldBeEmpty($"{text} is in clear in {node.Authority}'s exchange inbox");
                var stored = Directory.GetFiles(Path.Combine(node.Store.DataFolder, EvidenceFileStore.FolderName));
                stored.ShouldContain(f => f.EndsWith($"{fileId}.mlfa", StringComparison.Ordinal));
                stored.Where(f => Holds(File.ReadAllBytes(f), bytes)).ShouldBeEmpty($"{text} is in clear in {node.Authority}'s file store");
            }
        }

        await using var control = new RecordingProxy();
        control.ForwardTo(_nodes.China.Address);
        using var prosecutor = _chineseProsecutor.Through(control.Address);
        (await prosecutor.RequestAsync(id))["summaryOfFacts"]!.GetValue<string>().ShouldEndWith(_requestMarker);
        (await prosecutor.DownloadSha256Async(id, fileId)).ShouldBe(_evidence.Sha256);
        foreach (var (text, bytes) in markers)
        {
            control.Saw(bytes).ShouldBeTrue($"the search finds {text} in what China's API answers in clear");
        }
    }

    // The sender records a delivery once the recipient's node answers it, outside the request's turn: a moment after
    // the recipient has the message, so the sender's side is awaited, not read at once.
    private static Task<JsonNode> DeliveredAsync(CaseWorker worker, string id, string type) =>
        worker.WaitForAsync(id, r => Message(r, type)["deliveredAt"] is not null, $"its {type} delivered");

    private static JsonNode Message(JsonNode request, string type) => request["outbox"]!.AsArray().Single(m => m!["type"]!.GetValue<string>() == type)!;

    // A delivered message keeps both of the recipient's signed receipts: the acceptance, then the delivery evidence.
    private static void ShouldBeAcceptedAndDelivered(JsonNode message)
    {
        message["deliveredAt"].ShouldNotBeNull(message.ToJsonString());
        JsonNode.Parse(message["deliveryEvidence"]!.GetValue<string>())!["status"]!.GetValue<string>().ShouldBe("delivered", message.ToJsonString());
        JsonNode.Parse(message["receipt"]!.GetValue<string>())!["status"]!.GetValue<string>().ShouldBe("accepted", message.ToJsonString());
    }

    private static List<string> Timeline(JsonNode request) => [.. request["timeline"]!.AsArray().Select(e => e!["what"]!.GetValue<string>())];

    private static bool Holds(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private void Log(string what) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:0.0} s  {what}");
}
