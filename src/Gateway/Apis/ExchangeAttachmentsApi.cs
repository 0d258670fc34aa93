using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MlaFlow.Gateway.Exchange;
using MlaFlow.Grains;
using MlaFlow.Messaging.Attachments;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Messaging.Files;

namespace MlaFlow.Gateway.Apis;

/// <summary>
/// <c>/exchange/v1/attachments/{fileId}</c>: the encrypted bytes of files an accepted envelope announced, uploaded by
/// the sending node one segment at a time (docs/messaging.md, "Attachments over the exchange"). <c>GET</c> says where
/// the upload stands, so a sender resumes after the last stored segment; <c>PUT …/segments/{n}</c> takes segment n
/// only if it is the one expected next and it authenticates under the key the envelope carried at position n — a
/// dropped, repeated, reordered or altered segment is refused and nothing is stored. Like envelopes, segments are
/// trusted for their authentication, not for a token: only the two authorities know a file's key.
/// </summary>
public static class ExchangeAttachmentsApi
{
    public static IEndpointRouteBuilder MapExchangeAttachmentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/exchange/v1/attachments").WithTags("Exchange").AllowAnonymous();
        group.MapGet("/{fileId}", StatusAsync).WithName("GetAttachmentTransfer");
        group.MapPut("/{fileId}/segments/{segment}", ReceiveSegmentAsync).WithName("ReceiveAttachmentSegment");
        return routes;
    }

    private static async Task<IResult> StatusAsync(string fileId, HttpContext http, IExchangeInbox inbox, ServedAuthorities served, EvidenceFileStore files)
    {
        if (await FindAsync(fileId, inbox, served, http.RequestAborted) is not { } found)
        {
            return Unknown(fileId);
        }

        var transfer = await new TransferCompletion(files, inbox).FinishAsync(found, http.RequestAborted);
        return TypedResults.Ok(TransferStatus.Of(transfer));
    }

    private static async Task<IResult> ReceiveSegmentAsync(
        string fileId, long segment, HttpContext http, IExchangeInbox inbox, ServedAuthorities served, EvidenceFileStore files)
    {
        if (await FindAsync(fileId, inbox, served, http.RequestAborted) is not { } transfer)
        {
            return Unknown(fileId);
        }

        var completion = new TransferCompletion(files, inbox);
        transfer = await completion.FinishAsync(transfer, http.RequestAborted);
        if (transfer.Failed is { } failed)
        {
            return ExchangeAnswers.Problem(StatusCodes.Status422UnprocessableEntity, "Transfer given up", ExchangeAnswers.Name(EnvelopeRefusal.AttachmentRefused), failed);
        }

        if (segment != transfer.NextSegment || transfer.IsComplete)
        {
            return OutOfTurn(segment, transfer);
        }

        var layout = new AttachmentLayout(transfer.PlaintextLength, transfer.SegmentSize);
        var bytes = await ReadAsync(http, layout.SegmentLength(segment));
        if (bytes is null)
        {
            return ExchangeAnswers.Problem(StatusCodes.Status413PayloadTooLarge, "Segment too large", "segmentRefused",
                $"Segment {segment} of file {fileId} has {layout.SegmentLength(segment)} bytes.");
        }

        var key = files.FileKey(fileId);
        try
        {
            using var opener = AttachmentSegmentOpener.Create(transfer.Header, key, EvidenceFileId.AssociatedData(fileId));
            opener.Verify(segment, layout.IsLast(segment), bytes);
        }
        catch (AttachmentTamperedException e)
        {
            return ExchangeAnswers.Problem(StatusCodes.Status422UnprocessableEntity, "Segment refused", "segmentRefused", e.Message,
                new Dictionary<string, object?> { ["nextSegment"] = transfer.NextSegment });
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);
        }

        // Written before it is counted: a crash in between leaves a segment that is simply sent and written again.
        await files.WriteSegmentAsync(fileId, layout.SegmentOffset(segment), bytes, http.RequestAborted);
        if (!await inbox.AdvanceTransferAsync(fileId, segment, http.RequestAborted))
        {
            return OutOfTurn(segment, await inbox.FindTransferAsync(fileId, http.RequestAborted) ?? transfer);
        }

        var now = await completion.FinishAsync(transfer with { NextSegment = segment + 1 }, http.RequestAborted);
        return now.Failed is { } why
            ? ExchangeAnswers.Problem(StatusCodes.Status422UnprocessableEntity, "Transfer given up", ExchangeAnswers.Name(EnvelopeRefusal.AttachmentRefused), why)
            : TypedResults.Ok(TransferStatus.Of(now));
    }

    private static async Task<IncomingTransfer?> FindAsync(string fileId, IExchangeInbox inbox, ServedAuthorities served, CancellationToken cancellationToken) =>
        EvidenceFileId.IsValid(fileId) && await inbox.FindTransferAsync(fileId, cancellationToken) is { } transfer && served.Serves(transfer.Recipient)
            ? transfer
            : null;

    private static IResult Unknown(string fileId) => ExchangeAnswers.Problem(StatusCodes.Status404NotFound, "Unknown attachment", "unknownAttachment",
        $"No accepted envelope announced file '{(fileId.Length > 64 ? fileId[..64] + "…" : fileId)}' to this node.");

    // A segment out of turn is refused whole — a dropped one (ahead of the next), a repeated one (behind it) — and the
    // answer says which comes next, so a sender that lost track resumes there.
    private static IResult OutOfTurn(long segment, IncomingTransfer transfer) =>
        ExchangeAnswers.Problem(StatusCodes.Status409Conflict, "Segment out of turn", "segmentOutOfTurn",
            transfer.IsComplete ? $"File {transfer.FileId} is complete; segment {segment} is not taken."
            : $"Segment {segment} of file {transfer.FileId} is not the next one; send segment {transfer.NextSegment}.",
            new Dictionary<string, object?> { ["nextSegment"] = transfer.NextSegment, ["complete"] = transfer.IsComplete });

    // Exactly one segment's bytes, at most: anything longer is refused unread.
    private static async Task<byte[]?> ReadAsync(HttpContext http, int segmentLength)
    {
        if (http.Request.ContentLength > segmentLength)
        {
            return null;
        }

        using var buffer = new MemoryStream(segmentLength);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > segmentLength)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
