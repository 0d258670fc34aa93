using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MlaFlow.Grains.Requests;
using MlaFlow.Messaging.Attachments;
using MlaFlow.Messaging.Files;

namespace MlaFlow.Silo.Exchange;

/// <summary>
/// Uploads one stored file's encrypted bytes to the recipient's node, segment by segment, after the envelope that
/// announced it was accepted: it asks the recipient where the upload stands and resumes after the last segment stored
/// there, so an upload cut off by a crash or an outage goes on where it stopped. The bytes sent are the file store's
/// very ciphertext; the recipient checks each segment under the key the envelope carried.
/// </summary>
internal sealed class AttachmentUpload(EvidenceFileStore files, PeerRequests peer, ILogger logger)
{
    private const string Path = "exchange/v1/attachments/";

    /// <summary>Sends what the recipient lacks of <paramref name="file"/>; returns when it holds the file, or has given it up (the delivery then says why).</summary>
    /// <exception cref="UploadInterruptedException">The peer could not be reached, or answered out of protocol: try again later.</exception>
    public async Task SendAsync(Uri node, EvidenceFile file, CancellationToken cancellationToken)
    {
        var status = await StatusAsync(node, file.Id, cancellationToken);
        if (status.Complete || status.Failed)
        {
            return;
        }

        await using var ciphertext = files.OpenCiphertext(file.Id);
        var header = new byte[AttachmentFormat.HeaderLength];
        await ciphertext.ReadExactlyAsync(header, cancellationToken);
        var layout = new AttachmentLayout(file.Size, AttachmentHeader.Parse(header).SegmentSize);
        var segment = new byte[layout.FullSegmentLength];
        var next = status.NextSegment;
        if (next > 0)
        {
            logger.LogInformation("Resuming file {FileId} ({Size} bytes) at segment {Next} of {Count}", file.Id, file.Size, next, layout.SegmentCount);
        }

        var progress = new UploadProgress(file, layout.SegmentCount, logger);
        while (next < layout.SegmentCount)
        {
            var length = layout.SegmentLength(next);
            ciphertext.Position = layout.SegmentOffset(next);
            await ciphertext.ReadExactlyAsync(segment.AsMemory(0, length), cancellationToken);
            status = await PutAsync(node, file.Id, next, segment.AsMemory(0, length), cancellationToken);
            if (status.Complete || status.Failed)
            {
                progress.Ended(status.Complete);
                return;
            }

            next = status.NextSegment;
            progress.Reached(next);
        }
    }

    private async Task<UploadStatus> StatusAsync(Uri node, string fileId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, new Uri(node, Path + fileId)), cancellationToken);
        return (response.StatusCode == HttpStatusCode.OK ? await ReadAsync(response, cancellationToken) : null)
            ?? throw new UploadInterruptedException($"{node} answered {(int)response.StatusCode} about file {fileId}.");
    }

    // 200: stored. 409: out of turn (the recipient says which is next: resume there). 422 for a whole file given up:
    // done, the delivery call reports it. Any other answer — a segment refused as altered on the way — is tried later.
    private async Task<UploadStatus> PutAsync(Uri node, string fileId, long index, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() =>
        {
            var content = new ReadOnlyMemoryContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            return new HttpRequestMessage(HttpMethod.Put, new Uri(node, $"{Path}{fileId}/segments/{index}")) { Content = content };
        }, cancellationToken);
        var status = response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity
            ? await ReadAsync(response, cancellationToken)
            : null;
        if (status is null || response.StatusCode == HttpStatusCode.UnprocessableEntity && !status.Failed)
        {
            throw new UploadInterruptedException($"{node} refused segment {index} of file {fileId} ({(int)response.StatusCode}); it is sent again later.");
        }

        return status;
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        try
        {
            return await peer.SendAsync(request, cancellationToken);
        }
        catch (PeerUnreachableException e)
        {
            throw new UploadInterruptedException(e.Message, e);
        }
    }

    private static async Task<UploadStatus?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            var root = json.RootElement;
            var failed = root.TryGetProperty("reason", out var reason) && reason.GetString() == "attachmentRefused"
                || root.TryGetProperty("failed", out var why) && why.ValueKind == JsonValueKind.String;
            return root.TryGetProperty("nextSegment", out var next) && next.TryGetInt64(out var segment)
                ? new UploadStatus(segment, root.TryGetProperty("complete", out var complete) && complete.ValueKind == JsonValueKind.True, failed)
                : failed ? new UploadStatus(0, false, true) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>What the recipient said of the upload.</summary>
    private sealed record UploadStatus(long NextSegment, bool Complete, bool Failed);
}
