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

    /// <summary>The JSON does not parse, or a value has the wrong JSON type, at <paramref name="path"/>.</summary>
    public static IResult MalformedJson(string path, string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [FieldPath(path)] = [message] },
        title: "Malformed JSON", detail: "The body is not valid JSON of the expected shape.");

    public static IResult Invalid(Dictionary<string, string[]> errors) => TypedResults.ValidationProblem(
        errors, title: "Invalid request", detail: "One or more fields are invalid; nothing was changed.");

    /// <summary>Well-formed, but the requested state's rules refuse it (legal basis, languages, required content).</summary>
    public static IResult Refused(IReadOnlyDictionary<string, string[]> problems) => TypedResults.Problem(
        new HttpValidationProblemDetails(problems.ToDictionary(p => p.Key, p => p.Value))
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "Refused by the requested state's rules",
            Detail = "The request does not meet what the requested state requires; nothing was changed.",
        });

    public static IResult InvalidParameter(string name, string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [name] = [message] }, title: "Invalid parameter", detail: message);

    public static IResult NotFound(string what) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: what);

    public static IResult Conflict(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    public static IResult Unprocessable(string title, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity, title: title, detail: detail);

    /// <summary>System.Text.Json paths start at <c>$.</c>; field errors are keyed without it (<c>persons[0].role</c>).</summary>
    private static string FieldPath(string jsonPath) => jsonPath == "$" ? "$" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath;
}
