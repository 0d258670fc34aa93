using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MlaFlow.Gateway.Exchange;
using MlaFlow.Gateway.Problems;
using MlaFlow.Grains;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Messaging.Keys;
using MlaFlow.Runtime.Grains;
using MlaFlow.Runtime.State;
using NodaTime;

namespace MlaFlow.Gateway.Apis;

/// <summary>
/// <c>POST /exchange/v1/envelopes</c>: where other nodes deliver envelopes to the authorities this node serves
/// (docs/messaging.md, "Exchange"). It trusts envelope signatures, not user tokens. The answer is the recipient's
/// signed receipt: 200 accepted, 409 rejected as a replay (naming the copy the first delivery opened), 422
/// rejected for another reason. A document that is not an envelope, or one for an authority this node does not
/// serve, has no recipient to sign for: it gets a plain problem (400, 421). Nothing is delivered or kept unless the
/// envelope is accepted.
/// </summary>
public static class ExchangeApi
{
    public static RouteHandlerBuilder MapExchangeApi(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/exchange/v1/envelopes", ReceiveAsync).WithName("ReceiveEnvelope").WithTags("Exchange").AllowAnonymous();

    private static async Task<IResult> ReceiveAsync(
        HttpRequest http, IServiceProvider services, IGrainFactory grains, IGrainStateQuery query, ServedAuthorities served, IClock clock)
    {
        if (services.GetService<EnvelopeOpener>() is not { } opener || services.GetService<KeyStore>() is not { } keys
            || services.GetService<IExchangeInbox>() is not { } inbox)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Exchange not configured",
                detail: "This node takes no envelopes: its authorities' keys are not configured.");
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
            return Unsigned(StatusCodes.Status400BadRequest, e);
        }

        var header = envelope.Header;
        if (!served.Serves(header.Recipient))
        {
            // The key store may still hold keys of an authority the node no longer serves: serving decides.
            return Unsigned(StatusCodes.Status421MisdirectedRequest, new EnvelopeRefusedException(EnvelopeRefusal.WrongRecipient, $"This node does not serve {header.Recipient}."));
        }

        try
        {
            var opened = await opener.OpenAsync(envelope, http.HttpContext.RequestAborted);
            var copy = await ConcurrentWrite.RetryAsync(() => new EnvelopeDelivery(grains).DeliverAsync(opened));
            await inbox.RecordAsync(header, body, http.HttpContext.RequestAborted);
            return Answer(StatusCodes.Status200OK, SignedReceipt.Sign(keys, header, ReceiptStatus.Accepted, null, null, copy, Now(clock)));
        }
        catch (EnvelopeRefusedException e) when (e.Reason == EnvelopeRefusal.WrongRecipient)
        {
            return Unsigned(StatusCodes.Status421MisdirectedRequest, e);
        }
        catch (EnvelopeRefusedException e) when (e.Reason == EnvelopeRefusal.Replayed)
        {
            // The sender may be retrying after a lost receipt: telling it which copy the first delivery opened lets it carry on.
            var copy = await query.FindByExternalKeyAsync(GrainTypes.Request, header.Recipient.Value, header.MessageId);
            return Answer(StatusCodes.Status409Conflict, SignedReceipt.Sign(keys, header, ReceiptStatus.Rejected, Name(e.Reason), e.Message, copy, Now(clock)));
        }
        catch (EnvelopeRefusedException e)
        {
            return Answer(StatusCodes.Status422UnprocessableEntity, SignedReceipt.Sign(keys, header, ReceiptStatus.Rejected, Name(e.Reason), e.Message, null, Now(clock)));
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

    private static IResult Answer(int status, SignedReceipt receipt) => new ReceiptResult(status, receipt.ToJson());

    private static IResult Unsigned(int status, EnvelopeRefusedException e) =>
        TypedResults.Problem(statusCode: status, title: "Envelope refused", detail: e.Message, extensions: new Dictionary<string, object?> { ["reason"] = Name(e.Reason) });

    private static string Name(EnvelopeRefusal reason) => JsonNamingPolicy.CamelCase.ConvertName(reason.ToString());

    private static DateTimeOffset Now(IClock clock) => clock.GetCurrentInstant().ToDateTimeOffset();

    // A signed receipt is the body whatever the status: the sender keeps it as evidence either way.
    private sealed class ReceiptResult(int status, byte[] json) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = "application/json";
            return httpContext.Response.Body.WriteAsync(json).AsTask();
        }
    }
}
