using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MlaFlow.Gateway.Security;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Grains.Exchange;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Messaging.Files;
using static MlaFlow.Gateway.Tests.Infrastructure.ChinaByHand;

namespace MlaFlow.Gateway.Tests;

/// <summary>
/// A file announced in a request envelope that CN-MOJ's node, played by hand (<see cref="ChinaByHand"/>), sends to a
/// node serving TH-OAG (docs/messaging.md, "Attachments over the exchange"). The envelope is accepted but delivers
/// nothing until the file is whole. Its segments are taken one at a time, in turn, each only if it authenticates at its
/// place: a dropped or repeated segment is out of turn, a reordered, altered or cut one refused, and nothing of either
/// is stored. A file that is not the one declared is given up and its message refused; an announcement the node
/// cannot take is refused with the envelope, which is then kept nowhere.
/// </summary>
public sealed class ReceivingAttachments : IAsyncLifetime
{
    private ChinaByHand _china = null!;
    private EncryptedEvidence _evidence = null!;

    public async Task InitializeAsync()
    {
        _china = await ChinaByHand.StartAsync();
        _evidence = await EncryptedEvidence.CreateAsync();
    }

    public async Task DisposeAsync() => await _china.DisposeAsync();

    [Fact]
    public async Task a_request_announcing_a_file_is_accepted_but_opens_no_copy_until_the_file_has_arrived()
    {
        using var response = await AnnounceAsync(_evidence.Announcement());

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var receipt = await ReceiptAsync(response);
        receipt.IsSignedBy(_china.Peers).ShouldBeTrue();
        (receipt.Receipt.Status, receipt.Receipt.RequestId).ShouldBe((ReceiptStatus.Accepted, null));
        (await ThaiRequestsAsync()).ShouldBe(0);
        (await _china.RowsAsync("exchange_inbox"), await _china.RowsAsync("exchange_transfers")).ShouldBe((1, 1));
        var status = await StatusAsync();
        (Number(status, "nextSegment"), Number(status, "segmentCount"), status["complete"]!.GetValue<bool>()).ShouldBe((0L, 4L, false));

        using var delivery = await DeliverAsync();

        var problem = await delivery.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem["reason"]!.GetValue<string>().ShouldBe("filesIncomplete");
        Number(problem["files"]!.AsArray().Single()!, "nextSegment").ShouldBe(0);
        (await ThaiRequestsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task segments_sent_in_order_complete_the_file_and_its_delivery_opens_the_copy_holding_it()
    {
        await AcceptedAsync(_evidence.Announcement());

        for (var i = 0; i < _evidence.SegmentCount; i++)
        {
            using var uploaded = await PutAsync(i, _evidence.Segment(i));
            Number(await uploaded.ShouldBeJsonAsync(HttpStatusCode.OK), "nextSegment").ShouldBe(i + 1);
        }

        var status = await StatusAsync();
        (status["complete"]!.GetValue<bool>(), status["failed"]).ShouldBe((true, null));

        using var delivered = await DeliverAsync();

        delivered.StatusCode.ShouldBe(HttpStatusCode.OK, await delivered.Content.ReadAsStringAsync());
        var receipt = await ReceiptAsync(delivered);
        receipt.IsSignedBy(_china.Peers).ShouldBeTrue();
        receipt.Receipt.Status.ShouldBe(ReceiptStatus.Delivered);
        var copy = receipt.Receipt.RequestId.ShouldNotBeNull();
        using var thai = _china.Thailand.ClientFor(GatewayNode.Thailand, Roles.Officer);
        var file = (await (await thai.GetAsync($"/api/v1/requests/{copy}")).ShouldBeJsonAsync(HttpStatusCode.OK))["files"]!.AsArray().Single()!;
        (Text(file, "id"), Text(file, "sha256"), Text(file, "addedBy"), Text(file, "receivedIn"))
            .ShouldBe((_evidence.Id, _evidence.Sha256, China.Value, _china.MessageId()));
        using var download = await thai.GetAsync($"/api/v1/requests/{copy}/files/{_evidence.Id}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(_evidence.Plaintext);
    }

    [Fact]
    public async Task delivery_asked_again_names_the_same_copy_and_delivers_nothing_twice()
    {
        await ArrivedWholeAsync();
        using var first = await DeliverAsync();
        var copy = (await ReceiptAsync(first)).Receipt.RequestId.ShouldNotBeNull();
        var before = await _china.Thailand.CountsAsync();

        using var again = await DeliverAsync();

        again.StatusCode.ShouldBe(HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
        var receipt = await ReceiptAsync(again);
        receipt.IsSignedBy(_china.Peers).ShouldBeTrue();
        (receipt.Receipt.Status, receipt.Receipt.RequestId).ShouldBe((ReceiptStatus.Delivered, copy));
        (await _china.Thailand.CountsAsync()).ShouldBe(before);
        (await ThaiRequestsAsync()).ShouldBe(1);
        using var thai = _china.Thailand.ClientFor(GatewayNode.Thailand, Roles.Officer);
        var read = await (await thai.GetAsync($"/api/v1/requests/{copy}")).ShouldBeJsonAsync(HttpStatusCode.OK);
        read["files"]!.AsArray().Count.ShouldBe(1);
        var timeline = read["timeline"]!.AsArray().Select(e => Text(e!, "what")).ToList();
        timeline.Count(e => e.StartsWith("received from", StringComparison.Ordinal)).ShouldBe(1, string.Join(" | ", timeline));
        timeline.Count(e => e.StartsWith("file received", StringComparison.Ordinal)).ShouldBe(1, string.Join(" | ", timeline));
    }

    [Fact]
    public async Task a_dropped_segment_is_out_of_turn_and_the_upload_stays_where_it_was()
    {
        await AcceptedAsync(_evidence.Announcement());
        var before = await StatusAsync();

        using var response = await PutAsync(1, _evidence.Segment(1));

        await ShouldBeOutOfTurnAsync(response, nextSegment: 0);
        (await StatusAsync()).ToJsonString().ShouldBe(before.ToJsonString());
    }

    [Fact]
    public async Task a_duplicated_segment_is_out_of_turn_and_the_upload_stays_where_it_was()
    {
        await AcceptedAsync(_evidence.Announcement());
        await PutInOrderAsync(1);
        var before = await StatusAsync();

        using var response = await PutAsync(0, _evidence.Segment(0));

        await ShouldBeOutOfTurnAsync(response, nextSegment: 1);
        (await StatusAsync()).ToJsonString().ShouldBe(before.ToJsonString());
    }

    [Fact]
    public async Task a_reordered_segment_does_not_authenticate_in_its_new_place_and_is_refused()
    {
        await AcceptedAsync(_evidence.Announcement());
        await PutInOrderAsync(1);
        var before = await StatusAsync();

        using var response = await PutAsync(1, _evidence.Segment(2));

        await ShouldBeRefusedAsync(response, nextSegment: 1);
        (await StatusAsync()).ToJsonString().ShouldBe(before.ToJsonString());
    }

    [Fact]
    public async Task a_segment_with_a_flipped_bit_is_refused_and_the_right_one_is_then_taken()
    {
        await AcceptedAsync(_evidence.Announcement());
        await PutInOrderAsync(1);
        var flipped = _evidence.Segment(1);
        flipped[1000] ^= 0x08;
        var before = await StatusAsync();

        using var refused = await PutAsync(1, flipped);
        await ShouldBeRefusedAsync(refused, nextSegment: 1);
        (await StatusAsync()).ToJsonString().ShouldBe(before.ToJsonString());

        using var taken = await PutAsync(1, _evidence.Segment(1));
        Number(await taken.ShouldBeJsonAsync(HttpStatusCode.OK), "nextSegment").ShouldBe(2);
    }

    [Fact]
    public async Task a_truncated_last_segment_is_refused_and_the_whole_one_then_completes_the_file()
    {
        await AcceptedAsync(_evidence.Announcement());
        var last = _evidence.SegmentCount - 1;
        await PutInOrderAsync(last);
        var before = await StatusAsync();

        using var refused = await PutAsync(last, _evidence.Segment(last)[..^1]);
        await ShouldBeRefusedAsync(refused, nextSegment: last);
        (await StatusAsync()).ToJsonString().ShouldBe(before.ToJsonString());

        using var taken = await PutAsync(last, _evidence.Segment(last));
        (await taken.ShouldBeJsonAsync(HttpStatusCode.OK))["complete"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task a_file_announced_shorter_than_it_was_encrypted_cannot_end_on_a_segment_that_is_not_its_last()
    {
        // Declared as three whole segments, the file's third segment must be its last; the sender sealed it as not last.
        var shorter = _evidence.Announcement();
        await AcceptedAsync(shorter with { File = shorter.File with { Size = 3 * _evidence.Layout.SegmentSize } });
        await PutInOrderAsync(2);
        var before = await StatusAsync();

        using var response = await PutAsync(2, _evidence.Segment(2));

        await ShouldBeRefusedAsync(response, nextSegment: 2);
        (await StatusAsync()).ToJsonString().ShouldBe(before.ToJsonString());
    }

    // The first segment, and the last: bytes past the end of the file.
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task a_segment_longer_than_its_place_is_refused_unread(int index)
    {
        await AcceptedAsync(_evidence.Announcement());
        await PutInOrderAsync(index);
        var before = await StatusAsync();

        using var response = await PutAsync(index, [.. _evidence.Segment(index), 0x00]);

        (await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge))["reason"]!.GetValue<string>().ShouldBe("segmentRefused");
        (await StatusAsync()).ToJsonString().ShouldBe(before.ToJsonString());
        // Had the extra byte been written, the whole file would not check out end to end.
        await PutInOrderAsync(_evidence.SegmentCount, start: index);
        (await StatusAsync())["complete"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task a_file_whose_declared_sha256_is_not_its_own_is_given_up_and_its_message_refused()
    {
        var announced = _evidence.Announcement();
        var otherSha256 = Convert.ToHexStringLower(SHA256.HashData(_evidence.Plaintext[1..]));
        await AcceptedAsync(announced with { File = announced.File with { Sha256 = otherSha256 } });
        var last = _evidence.SegmentCount - 1;
        await PutInOrderAsync(last);

        // Every segment authenticates: only the whole file shows it is not the one declared.
        using var lastSegment = await PutAsync(last, _evidence.Segment(last));
        (await lastSegment.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["reason"]!.GetValue<string>().ShouldBe("attachmentRefused");
        var status = await StatusAsync();
        (status["complete"]!.GetValue<bool>(), status["failed"] is not null).ShouldBe((false, true));

        using var delivery = await DeliverAsync();

        delivery.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await delivery.Content.ReadAsStringAsync());
        var receipt = await ReceiptAsync(delivery);
        receipt.IsSignedBy(_china.Peers).ShouldBeTrue();
        (receipt.Receipt.Status, receipt.Receipt.Reason, receipt.Receipt.RequestId).ShouldBe((ReceiptStatus.Rejected, "attachmentRefused", null));
        (await ThaiRequestsAsync()).ShouldBe(0);
        _china.Thailand.FilesKept().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("an id that is a path")]
    [InlineData("a key of 31 bytes")]
    [InlineData("a header that is not one")]
    [InlineData("a header not sealed under its key")]
    [InlineData("a negative size")]
    [InlineData("a name that is a path")]
    [InlineData("a name shown reversed")]
    public async Task an_announcement_the_node_cannot_take_is_refused_as_undeliverable_and_nothing_is_kept(string flaw)
    {
        var before = await _china.Thailand.CountsAsync();

        using var response = await AnnounceAsync(Spoilt(_evidence.Announcement(), flaw));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
        var receipt = await ReceiptAsync(response);
        receipt.IsSignedBy(_china.Peers).ShouldBeTrue();
        (receipt.Receipt.Status, receipt.Receipt.Reason).ShouldBe((ReceiptStatus.Rejected, "undeliverable"));
        (await _china.Thailand.CountsAsync()).ShouldBe(before);
        (await _china.RowsAsync("exchange_inbox"), await _china.RowsAsync("exchange_transfers")).ShouldBe((0, 0));
        _china.Thailand.FilesKept().ShouldBeEmpty();
    }

    [Fact]
    public async Task a_file_id_already_in_use_is_refused_as_undeliverable_and_the_first_upload_goes_on()
    {
        await AcceptedAsync(_evidence.Announcement());
        await PutInOrderAsync(1);
        var before = await StatusAsync();
        var other = (await EncryptedEvidence.CreateAsync()).Announcement();

        using var response = await AnnounceAsync(other with { File = other.File with { Id = _evidence.Id } }, message: 2);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
        (await ReceiptAsync(response)).Receipt.Reason.ShouldBe("undeliverable");
        (await _china.RowsAsync("exchange_inbox"), await _china.RowsAsync("exchange_transfers")).ShouldBe((1, 1));
        (await StatusAsync()).ToJsonString().ShouldBe(before.ToJsonString());
        // Still under the first announcement's key: the refused one did not start the file over with its own.
        using var next = await PutAsync(1, _evidence.Segment(1));
        next.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_file_no_envelope_announced_is_not_found()
    {
        using var client = _china.Thailand.CreateClient();
        foreach (var fileId in new[] { EvidenceFileId.New(), "not-a-file-id" })
        {
            using var status = await client.GetAsync($"/exchange/v1/attachments/{fileId}");
            using var segment = await PutAsync(0, _evidence.Segment(0), fileId);

            (await status.ShouldBeProblemAsync(HttpStatusCode.NotFound))["reason"]!.GetValue<string>().ShouldBe("unknownAttachment");
            (await segment.ShouldBeProblemAsync(HttpStatusCode.NotFound))["reason"]!.GetValue<string>().ShouldBe("unknownAttachment");
        }

        _china.Thailand.FilesKept().ShouldBeEmpty();
    }

    private static ExchangeFile Spoilt(ExchangeFile file, string flaw) => flaw switch
    {
        "an id that is a path" => file with { File = file.File with { Id = "../x" } },
        "a key of 31 bytes" => file with { Key = file.Key[..31] },
        "a header that is not one" => file with { Header = RandomNumberGenerator.GetBytes(file.Header.Length) },
        // Its MAC flipped: well formed, but not sealed under this file's key and id, so every segment would be refused for ever.
        "a header not sealed under its key" => file with { Header = [.. file.Header[..^1], (byte)(file.Header[^1] ^ 1)] },
        "a negative size" => file with { File = file.File with { Size = -1 } },
        "a name that is a path" => file with { File = file.File with { Name = "evidence/bank-records.pdf" } },
        "a name shown reversed" => file with { File = file.File with { Name = "invoice\u202Efdp.exe" } },
        _ => throw new ArgumentOutOfRangeException(nameof(flaw), flaw, null),
    };

    private Task<HttpResponseMessage> AnnounceAsync(ExchangeFile file, int message = 1) =>
        _china.PostAsync(_china.Seal("request", ExchangePayload.ForRequest(_china.Origin) with { Files = [file] }, message));

    private async Task AcceptedAsync(ExchangeFile file)
    {
        using var response = await AnnounceAsync(file);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task ArrivedWholeAsync()
    {
        await AcceptedAsync(_evidence.Announcement());
        await PutInOrderAsync(_evidence.SegmentCount);
    }

    /// <summary>Uploads the segments from <paramref name="start"/> to before <paramref name="end"/>, each in turn.</summary>
    private async Task PutInOrderAsync(int end, int start = 0)
    {
        for (var i = start; i < end; i++)
        {
            using var response = await PutAsync(i, _evidence.Segment(i));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
    }

    private async Task<HttpResponseMessage> PutAsync(long segment, byte[] bytes, string? fileId = null)
    {
        using var client = _china.Thailand.CreateClient();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await client.PutAsync($"/exchange/v1/attachments/{fileId ?? _evidence.Id}/segments/{segment}", content);
    }

    private async Task<JsonNode> StatusAsync()
    {
        using var client = _china.Thailand.CreateClient();
        using var response = await client.GetAsync($"/exchange/v1/attachments/{_evidence.Id}");
        return await response.ShouldBeJsonAsync(HttpStatusCode.OK);
    }

    private async Task<HttpResponseMessage> DeliverAsync()
    {
        using var client = _china.Thailand.CreateClient();
        return await client.PostAsync("/exchange/v1/deliveries", Body.Json(new JsonObject { ["sender"] = China.Value, ["messageId"] = _china.MessageId() }));
    }

    private async Task<long> ThaiRequestsAsync()
    {
        using var thai = _china.Thailand.ClientFor(GatewayNode.Thailand, Roles.Officer);
        return (await (await thai.GetAsync("/api/v1/requests")).ShouldBeJsonAsync(HttpStatusCode.OK))["total"]!.GetValue<long>();
    }

    private static async Task ShouldBeOutOfTurnAsync(HttpResponseMessage response, long nextSegment)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (Text(problem, "reason"), Number(problem, "nextSegment")).ShouldBe(("segmentOutOfTurn", nextSegment));
    }

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, long nextSegment)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        (Text(problem, "reason"), Number(problem, "nextSegment")).ShouldBe(("segmentRefused", nextSegment));
    }

    private static long Number(JsonNode node, string property) => node[property]!.GetValue<long>();

    private static string Text(JsonNode node, string property) => node[property]!.GetValue<string>();
}
