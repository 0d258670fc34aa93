using System.Net;
using System.Text.Json.Nodes;

namespace MlaFlow.Gateway.Tests.Infrastructure;

/// <summary>What a client checks in an answer: the status, the media type, the JSON.</summary>
internal static class ResponseAssertions
{
    /// <summary>Asserts <paramref name="status"/> with a JSON body, and returns the body.</summary>
    public static async Task<JsonNode> ShouldBeJsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json", text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>Asserts an RFC 9457 problem with <paramref name="status"/>, and returns it.</summary>
    public static async Task<JsonNode> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        var problem = JsonNode.Parse(text)!;
        problem["status"]!.GetValue<int>().ShouldBe((int)status, text);
        return problem;
    }

    /// <summary>Asserts a 400 validation problem whose <c>errors</c> name <paramref name="field"/>, and returns its messages.</summary>
    public static Task<IReadOnlyList<string>> ShouldBeInvalidAsync(this HttpResponseMessage response, string field) =>
        response.ShouldNameAsync(HttpStatusCode.BadRequest, field);

    /// <summary>
    /// Asserts that a submission (<c>POST /api/v1/requests</c>) is refused: a 422 problem whose <c>errors</c> name
    /// <paramref name="field"/> (its fields and the requested state's rules are answered together), and returns its messages.
    /// </summary>
    public static Task<IReadOnlyList<string>> ShouldBeRefusedAsync(this HttpResponseMessage response, string field) =>
        response.ShouldNameAsync(HttpStatusCode.UnprocessableEntity, field);

    private static async Task<IReadOnlyList<string>> ShouldNameAsync(this HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var problem = await response.ShouldBeProblemAsync(status);
        var errors = problem["errors"]?.AsObject();
        errors.ShouldNotBeNull(problem.ToJsonString());
        errors.ContainsKey(field).ShouldBeTrue($"errors should name '{field}': {problem.ToJsonString()}");
        var messages = errors[field]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        messages.ShouldNotBeEmpty();
        return messages;
    }
}
