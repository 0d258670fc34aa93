using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MlaFlow.Gateway.Security;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Messaging.Files;
using MlaFlow.Testing;
using static MlaFlow.Gateway.Tests.Infrastructure.TwoNodes;

namespace MlaFlow.Gateway.Tests;

/// <summary>
/// Evidence crosses between nodes: Thailand's officer uploads the evidence obtained to Thailand's copy of China's
/// request, completes the review, and the result Thailand sends carries the file — its key inside the envelope, its
/// encrypted segments uploaded after it. China's request holds the file with the same SHA-256, and it downloads whole.
/// </summary>
public sealed class ExchangingFiles : IAsyncLifetime
{
    private TwoNodes _nodes = null!;
    private HttpClient _chineseOfficer = null!;
    private HttpClient _chineseProsecutor = null!;
    private HttpClient _thaiOfficer = null!;

    public async Task InitializeAsync()
    {
        _nodes = await TwoNodes.StartAsync();
        (_chineseOfficer, _chineseProsecutor) = (_nodes.China.ClientFor("CN-MOJ", Roles.Officer), _nodes.China.ClientFor("CN-MOJ", Roles.Prosecutor));
        _thaiOfficer = _nodes.Thailand.ClientFor("TH-OAG", Roles.Officer);
    }

    public async Task DisposeAsync()
    {
        _chineseOfficer.Dispose();
        _chineseProsecutor.Dispose();
        _thaiOfficer.Dispose();
        await _nodes.DisposeAsync();
    }

    [Fact]
    public async Task the_result_thailand_sends_carries_the_evidence_file_and_china_ends_executed_with_the_same_hash()
    {
        var (id, copy) = await ThaiCopyAtReviewAsync();

        // Three segments and a bit: the last one short.
        var evidence = RandomNumberGenerator.GetBytes(3 * EvidenceFileStore.SegmentSize + 1000);
        var uploaded = await EvidenceWalk.UploadAsync(_thaiOfficer, copy, evidence, "bank-records.pdf", "application/pdf");
        uploaded["sha256"]!.GetValue<string>().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(evidence)));
        await CompleteAsync(_thaiOfficer, "review", "complete");

        var received = await EventuallyAsync(_chineseOfficer, id, r => r["files"] is JsonArray { Count: 1 });
        var file = received["files"]![0]!;
        file["sha256"]!.GetValue<string>().ShouldBe(uploaded["sha256"]!.GetValue<string>());
        file["name"]!.GetValue<string>().ShouldBe("bank-records.pdf");
        file["addedBy"]!.GetValue<string>().ShouldBe("TH-OAG");
        file["receivedIn"].ShouldNotBeNull();
        await CompleteAsync(_chineseProsecutor, "review-result", "complete");
        (await EventuallyAsync(_chineseOfficer, id, r => r["status"]!.GetValue<string>() == "executed"))["files"]!.AsArray().Count.ShouldBe(1);

        using var download = await _chineseOfficer.GetAsync($"/api/v1/requests/{id}/files/{file["id"]}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(evidence);

        // Thailand's node records the delivery once China's answers it, outside the request's turn: a moment after China has it.
        var thai = await EventuallyAsync(_thaiOfficer, copy, r => FinalResult(r)["deliveredAt"] is not null);
        var result = FinalResult(thai);
        result["files"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe([file["id"]!.GetValue<string>()]);
        JsonNode.Parse(result["deliveryEvidence"]!.GetValue<string>())!["status"]!.GetValue<string>().ShouldBe("delivered");
    }

    [Fact]
    public async Task a_file_whose_upload_is_cut_off_resumes_where_it_stopped_and_arrives_once()
    {
        var (id, copy) = await ThaiCopyAtReviewAsync();
        var evidence = RandomNumberGenerator.GetBytes(10 * EvidenceFileStore.SegmentSize);
        await EvidenceWalk.UploadAsync(_thaiOfficer, copy, evidence, "statement.bin", "application/octet-stream");

        // China's node goes down after taking the envelope and four segments; Thailand's outbox tries again later.
        _nodes.ToChina.DownAfterSegments(4);
        await CompleteAsync(_thaiOfficer, "review", "complete");
        await Eventually.FoundAsync(() => Task.FromResult<JsonNode?>(_nodes.ToChina.Refused >= 2 ? new JsonObject() : null), "attempts while China's node is down");
        (await EventuallyAsync(_chineseOfficer, id, r => r["files"] is null or JsonArray { Count: 0 })).ShouldNotBeNull();
        var segmentsBefore = _nodes.ToChina.Paths.Count(p => p.Contains("/segments/", StringComparison.Ordinal));
        _nodes.ToChina.Down = false;

        var received = await EventuallyAsync(_chineseOfficer, id, r => r["files"] is JsonArray { Count: 1 });
        received["files"]![0]!["sha256"]!.GetValue<string>().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(evidence)));
        received["receivedMessages"]!.AsArray().Count.ShouldBe(2, "the acknowledgement and the result, each once");
        // Resumed: the ten segments went over once each (four before the cut, six after), none again.
        _nodes.ToChina.Paths.Count(p => p.Contains("/segments/", StringComparison.Ordinal)).ShouldBe(10, $"{segmentsBefore} segment uploads before the cut");
        // The acceptance was kept when it came, before the cut; the envelope sent again was a replay, not kept as one.
        var result = (await EventuallyAsync(_thaiOfficer, copy, r => r["outbox"]!.AsArray().All(m => m!["deliveredAt"] is not null)))["outbox"]![1]!;
        JsonNode.Parse(result["receipt"]!.GetValue<string>())!["status"]!.GetValue<string>().ShouldBe("accepted");
        JsonNode.Parse(result["deliveryEvidence"]!.GetValue<string>())!["status"]!.GetValue<string>().ShouldBe("delivered");
    }

    [Fact]
    public async Task the_request_stays_readable_and_workable_while_its_file_is_on_the_way()
    {
        var (id, copy) = await ThaiCopyAtReviewAsync();
        await EvidenceWalk.UploadAsync(_thaiOfficer, copy, RandomNumberGenerator.GetBytes(2 * EvidenceFileStore.SegmentSize), "intercepts.zip", "application/zip");
        _nodes.ToChina.HoldSegments();
        await CompleteAsync(_thaiOfficer, "review", "complete");

        // The upload waits on the link, outside the request's turn: the copy answers, its result still on the way.
        await Eventually.FoundAsync(() => Task.FromResult<JsonNode?>(_nodes.ToChina.Paths.Any(p => p.StartsWith("/exchange/v1/attachments/", StringComparison.Ordinal)) ? new JsonObject() : null),
            "the upload to begin");
        var sending = await EventuallyAsync(_thaiOfficer, copy, r => r["status"]!.GetValue<string>() == "executed");
        FinalResult(sending)["deliveredAt"].ShouldBeNull();
        using (var noted = await _thaiOfficer.PostAsync($"/api/v1/requests/{copy}/notes", Body.Json(new JsonObject { ["text"] = "Originals kept by the police." })))
        {
            await noted.ShouldBeJsonAsync(HttpStatusCode.OK);
        }

        _nodes.ToChina.ReleaseSegments();
        (await EventuallyAsync(_chineseOfficer, id, r => r["files"] is JsonArray { Count: 1 }))["receivedMessages"]!.AsArray().Count.ShouldBe(2);
    }

    private static JsonNode FinalResult(JsonNode request) => request["outbox"]!.AsArray().Single(m => m!["type"]!.GetValue<string>() == "finalResult")!;

    /// <summary>China's request sent, and Thailand's copy walked to the review; returns both ids.</summary>
    private async Task<(string Request, string Copy)> ThaiCopyAtReviewAsync()
    {
        var id = await SendEvidenceRequestAsync(_chineseOfficer, _chineseProsecutor);
        var copy = (await EventuallyAsync(_chineseOfficer, id, r => r["counterpart"] is not null))["counterpart"]!.GetValue<string>();
        await EvidenceWalk.ToReviewAsync(_thaiOfficer);
        return (id, copy);
    }
}
