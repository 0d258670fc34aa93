using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MlaFlow.Gateway.Exchange;
using MlaFlow.Gateway.Problems;
using MlaFlow.Grains;
using MlaFlow.Grains.Requests;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Messaging.Files;
using MlaFlow.Messaging.Keys;
using NodaTime;
using Orleans;

namespace MlaFlow.Gateway.Apis;

/// <summary>
/// <c>POST /exchange/v1/envelopes</c>: where other nodes deliver envelopes to the authorities this node serves
/// (docs/messaging.md, "Exchange"). It trusts envelope signatures, not user tokens. The answer is the recipient's
/// signed receipt: 200 accepted, 409 rejected as a replay (naming the copy the first delivery opened), 422
/// rejected for another reason. A document that is not an envelope, or one for an authority this node does not
/// serve, has no recipient to sign for: it gets a plain problem (400, 421). Nothing is delivered or kept unless the
/// envelope is accepted. A message without files is delivered at once; one with files once they have arrived
/// (<see cref="ExchangeAttachmentsApi"/>, <see cref="ExchangeDeliveriesApi"/>).
/// </summary>
public static class ExchangeApi
{
    public static IEndpointRouteBuilder MapExchangeApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/exchange/v1/envelopes", ReceiveAsync).WithName("ReceiveEnvelope").WithTags("Exchange").AllowAnonymous();
        routes.MapExchangeAttachmentsApi();
        routes.MapExchangeDeliveriesApi();
        return routes;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest http, IServiceProvider services, IGrainFactory grains, ServedAuthorities served, EvidenceFileStore files,
        KeyStore keys, IExchangeInbox inbox, IClock clock)
    {
        // Registered only when the node's keys allow the exchange.
        if (services.GetService<EnvelopeOpener>() is not { } opener)
        {
            return ExchangeAnswers.NotConfigured();
        }

        var body = await ReadAsync(http);
        if (body is null)
        {
            return ApiProblems.TooLarge(EnvelopeJson.MaxBytes);
        }

        Envelope envelope;
        try
        {
            envelope = EnvelopeJson.Parse(body);
        }
        catch (EnvelopeRefusedException e)
        {
            return ExchangeAnswers.Unsigned(StatusCodes.Status400BadRequest, e);
        }

        var header = envelope.Header;
        if (!served.Serves(header.Recipient))
        {
            // The key store may still hold keys of an authority the node no longer serves: serving decides.
            return ExchangeAnswers.Unsigned(StatusCodes.Status421MisdirectedRequest, new EnvelopeRefusedException(EnvelopeRefusal.WrongRecipient, $"This node does not serve {header.Recipient}."));
        }

        var now = clock.GetCurrentInstant().ToDateTimeOffset();
        DeliveryTarget? target = null;
        try
        {
            var opened = await opener.OpenAsync(envelope, http.HttpContext.RequestAborted);
            var delivery = new EnvelopeDelivery(grains);
            target = await delivery.TargetAsync(opened);
            var transfers = await new IncomingFiles(files, inbox).PrepareAsync(target, http.HttpContext.RequestAborted);
            // Without files the message is whole now; with files it waits for them, and its copy is named on delivery.
            var copy = transfers.Count == 0 ? await ConcurrentWrite.RetryAsync(() => delivery.DeliverAsync(target)) : target.Copy;
            await RecordAsync(inbox, files, header, body, transfers, http.HttpContext.RequestAborted);
            return ExchangeAnswers.Signed(StatusCodes.Status200OK, SignedReceipt.Sign(keys, header, ReceiptStatus.Accepted, null, null, copy, now));
        }
        catch (EnvelopeRefusedException e) when (e.Reason == EnvelopeRefusal.WrongRecipient)
        {
            return ExchangeAnswers.Unsigned(StatusCodes.Status421MisdirectedRequest, e);
        }
        catch (EnvelopeRefusedException e) when (e.Reason == EnvelopeRefusal.Replayed)
        {
            // The sender may be retrying after a lost receipt: telling it which copy the first delivery opened lets it carry on.
            var copy = await grains.GetGrain<IRequestIndexGrain>(header.Recipient.Value).FindReceivedAsync(header.MessageId);
            return ExchangeAnswers.Signed(StatusCodes.Status409Conflict,
                SignedReceipt.Sign(keys, header, ReceiptStatus.Rejected, ExchangeAnswers.Name(e.Reason), e.Message, copy, now));
        }
        catch (EnvelopeRefusedException e)
        {
            return ExchangeAnswers.Signed(StatusCodes.Status422UnprocessableEntity,
                SignedReceipt.Sign(keys, header, ReceiptStatus.Rejected, ExchangeAnswers.Name(e.Reason), e.Message, null, now));
        }
        finally
        {
            target?.ForgetKeys();
        }
    }

    // The files were prepared before the record that points at them: if it fails, they point nowhere, and go.
    private static async Task RecordAsync(
        IExchangeInbox inbox, EvidenceFileStore files, EnvelopeHeader header, byte[] body, IReadOnlyList<IncomingTransfer> transfers, CancellationToken cancellationToken)
    {
        try
        {
            await inbox.RecordAsync(header, body, transfers, cancellationToken);
        }
        catch
        {
            foreach (var transfer in transfers)
            {
                files.DiscardIncoming(transfer.FileId);
            }

            throw;
        }
    }

    // Bounded: a body larger than the largest envelope is refused unread rather than buffered.
    private static async Task<byte[]?> ReadAsync(HttpRequest http)
    {
        if (http.ContentLength > EnvelopeJson.MaxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await http.Body.ReadAsync(chunk, http.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > EnvelopeJson.MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
