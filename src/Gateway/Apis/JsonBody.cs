using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MlaFlow.Gateway.Problems;
using MlaFlow.Grains.Serialization;

namespace MlaFlow.Gateway.Apis;

/// <summary>
/// Reads a JSON body within a size and depth bound. Malformed JSON, a wrong type or an oversize body
/// gives a problem result naming what is wrong, before any handler logic runs.
/// </summary>
public static class JsonBody
{
    private const int MaxDepth = 16;

    private static readonly JsonSerializerOptions Options = new(MlaFlowJson.Options)
    {
        MaxDepth = MaxDepth,
        // A misspelt field is an error, not silently dropped data.
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    // System.Text.Json's messages name .NET types and repeat the path; callers need neither.
    private static string Describe(JsonException e) =>
        e.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "Unknown field."
        : e.Message.Split(" Path: ", 2)[0];

    public static async Task<(TBody? Body, IResult? Problem)> ReadAsync<TBody>(HttpRequest request, int maxBytes) where TBody : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, ApiProblems.UnsupportedMediaType());
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, ApiProblems.TooLarge(maxBytes));
        }

        // Read at most maxBytes + 1: a body without Content-Length (chunked) is bounded all the same.
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, ApiProblems.TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var body = JsonSerializer.Deserialize<TBody>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Options);
            return body is null ? (null, ApiProblems.MalformedJson("$", "The body is null; a JSON object is expected.")) : (body, null);
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.MalformedJson(e.Path ?? "$", Describe(e)));
        }
    }
}
