using Microsoft.AspNetCore.Http;

namespace MlaFlow.Gateway.Problems;

/// <summary>The API's RFC 9457 problem responses, so each kind of error reads the same everywhere.</summary>
public static class ApiProblems
{
    public static IResult UnsupportedMediaType() => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
        detail: "Send the body as JSON with Content-Type: application/json.");

    public static IResult TooLarge(int maxBytes) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large",
        detail: $"The body may have at most {maxBytes} bytes.");

    /// <summary>The body is not JSON (under <c>$</c>, the parser's message with its line and byte), or not a JSON object.</summary>
    public static IResult MalformedJson(Dictionary<string, string[]> errors) => TypedResults.ValidationProblem(
        errors, title: "Malformed JSON", detail: "The body is not a JSON object; nothing was changed.");

    public static IResult Invalid(Dictionary<string, string[]> errors) => TypedResults.ValidationProblem(
        errors, title: "Invalid request", detail: "One or more fields are invalid; nothing was changed.");

    /// <summary>
    /// A submitted request with fields missing, invalid or of the wrong JSON type, listed with what the requested
    /// state's rules make of the rest: 422 like a refusal by those rules alone, so one answer says everything.
    /// </summary>
    public static IResult InvalidSubmission(Dictionary<string, string[]> errors) => TypedResults.Problem(
        new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "Invalid request",
            Detail = "One or more fields are invalid, and listed with them whatever the requested state's rules refuse; nothing was changed.",
        });

    /// <summary>Well-formed, but the requested state's rules refuse it (legal basis, languages, required content).</summary>
    public static IResult Refused(IReadOnlyDictionary<string, string[]> problems) => TypedResults.Problem(
        new HttpValidationProblemDetails(problems.ToDictionary(p => p.Key, p => p.Value))
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "Refused by the requested state's rules",
            Detail = "The request does not meet what the requested state requires; nothing was changed.",
        });

    public static IResult NotFound(string what) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: what);

    public static IResult Conflict(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    public static IResult Unprocessable(string title, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity, title: title, detail: detail);
}
