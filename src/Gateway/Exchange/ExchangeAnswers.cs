using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MlaFlow.Messaging.Envelopes;

namespace MlaFlow.Gateway.Exchange;

/// <summary>
/// How the exchange endpoints answer: a signed receipt when there is a recipient to sign for, else a plain problem
/// naming the refusal (<c>reason</c>), as docs/messaging.md lists them.
/// </summary>
internal static class ExchangeAnswers
{
    public static IResult NotConfigured() => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Exchange not configured",
        detail: "This node takes no envelopes: its authorities' keys are not configured.");

    public static IResult Signed(int status, SignedReceipt receipt) => new ReceiptResult(status, receipt.ToJson());

    public static IResult Unsigned(int status, EnvelopeRefusedException e) => Problem(status, "Envelope refused", Name(e.Reason), e.Message);

    public static IResult Problem(int status, string title, string reason, string detail, IDictionary<string, object?>? more = null)
    {
        var extensions = new Dictionary<string, object?>(more ?? new Dictionary<string, object?>()) { ["reason"] = reason };
        return TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: extensions);
    }

    /// <summary>A refusal's name as receipts and problems spell it (camelCase).</summary>
    public static string Name(EnvelopeRefusal reason) => JsonNamingPolicy.CamelCase.ConvertName(reason.ToString());

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
