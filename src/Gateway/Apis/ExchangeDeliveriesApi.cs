using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MlaFlow.Gateway.Exchange;
using MlaFlow.Gateway.Problems;
using MlaFlow.Grains;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Messaging.Files;
using MlaFlow.Messaging.Keys;
using MlaFlow.Plugins.Sdk;
using NodaTime;
using Orleans;

namespace MlaFlow.Gateway.Apis;

/// <summary>
/// <c>POST /exchange/v1/deliveries</c> <c>{ "sender": "CN-MOJ", "messageId": "…" }</c>: the sending node asks for the
/// delivery of a message it had accepted, once it has uploaded the files the message announced. When every file is
/// whole and matches its declared SHA-256, the message goes to the recipient's copy of the request (once, however
/// often this is asked) and the answer is the recipient's signed delivery evidence naming that copy (200). Files still
/// arriving: 409 with where each stands. A file given up, or an envelope that no longer opens (a key revoked since):
/// a signed rejection (422). The kept envelope is opened again for this; its payload is never stored in clear.
/// </summary>
public static class ExchangeDeliveriesApi
{
    public static IEndpointRouteBuilder MapExchangeDeliveriesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/exchange/v1/deliveries", DeliverAsync).WithName("DeliverMessage").WithTags("Exchange").AllowAnonymous()
            .Accepts<DeliveryBody>("application/json");
        return routes;
    }

    private static async Task<IResult> DeliverAsync(
        HttpRequest http, IServiceProvider services, IGrainFactory grains, ServedAuthorities served, EvidenceFileStore files, KeyStore keys,
        IExchangeInbox inbox, IClock clock)
    {
        // Registered only when the node's keys allow the exchange.
        if (services.GetService<EnvelopeOpener>() is not { } opener)
        {
            return ExchangeAnswers.NotConfigured();
        }

        var (body, problem) = await JsonBody.ReadAsync<DeliveryBody>(http, 4 * 1024);
        if (problem is not null)
        {
            return problem;
        }

        if (!AuthorityId.TryParse(body!.Sender, null, out var sender) || string.IsNullOrEmpty(body.MessageId))
        {
            return ApiProblems.Invalid(new() { ["sender"] = ["The sending authority, e.g. CN-MOJ."], ["messageId"] = ["The id of the message it sent."] });
        }

        var cancellation = http.HttpContext.RequestAborted;
        if (await inbox.FindAsync(sender, body.MessageId, cancellation) is not { } kept)
        {
            return ApiProblems.NotFound($"No message {body.MessageId} from {sender} was accepted here.");
        }

        var envelope = EnvelopeJson.Parse(kept);
        var header = envelope.Header;
        if (!served.Serves(header.Recipient))
        {
            return ExchangeAnswers.Unsigned(StatusCodes.Status421MisdirectedRequest, new EnvelopeRefusedException(EnvelopeRefusal.WrongRecipient, $"This node no longer serves {header.Recipient}."));
        }

        var completion = new TransferCompletion(files, inbox);
        var transfers = new List<IncomingTransfer>();
        foreach (var transfer in await inbox.TransfersAsync(sender, body.MessageId, cancellation))
        {
            transfers.Add(await completion.FinishAsync(transfer, cancellation));
        }

        var now = clock.GetCurrentInstant().ToDateTimeOffset();
        if (transfers.FirstOrDefault(t => t.Failed is not null) is { } failed)
        {
            return Rejected(keys, header, new EnvelopeRefusedException(EnvelopeRefusal.AttachmentRefused, failed.Failed!), now);
        }

        if (transfers.Any(t => !t.IsComplete))
        {
            return ExchangeAnswers.Problem(StatusCodes.Status409Conflict, "Files still arriving", "filesIncomplete",
                $"Message {body.MessageId} waits for {transfers.Count(t => !t.IsComplete)} of its {transfers.Count} files.",
                new Dictionary<string, object?> { ["files"] = transfers.Select(TransferStatus.Of).ToList() });
        }

        DeliveryTarget? target = null;
        try
        {
            var delivery = new EnvelopeDelivery(grains);
            target = await delivery.TargetAsync(await opener.OpenAcceptedAsync(envelope, cancellation));
            var copy = await ConcurrentWrite.RetryAsync(() => delivery.DeliverAsync(target));
            return ExchangeAnswers.Signed(StatusCodes.Status200OK, SignedReceipt.Sign(keys, header, ReceiptStatus.Delivered, null, null, copy, now));
        }
        catch (EnvelopeRefusedException e)
        {
            return Rejected(keys, header, e, now);
        }
        finally
        {
            target?.ForgetKeys();
        }
    }

    private static IResult Rejected(KeyStore keys, EnvelopeHeader header, EnvelopeRefusedException e, DateTimeOffset now) =>
        ExchangeAnswers.Signed(StatusCodes.Status422UnprocessableEntity,
            SignedReceipt.Sign(keys, header, ReceiptStatus.Rejected, ExchangeAnswers.Name(e.Reason), e.Message, null, now));
}
