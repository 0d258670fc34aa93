using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using MlaFlow.Gateway.Apis.Requests;
using MlaFlow.Gateway.Problems;
using MlaFlow.Grains.Serialization;

namespace MlaFlow.Gateway.Apis;

/// <summary>
/// Reads a JSON body within a size and depth bound. A body that is not JSON, or too large or deep, gives a problem
/// result before any handler logic runs; unknown and repeated fields and values of the wrong JSON type are all
/// reported together, each at its path (<see cref="JsonShape"/>).
/// </summary>
public static class JsonBody
{
    private const int MaxDepth = 16;

    // Repeated fields are left in the document, for JsonShape to report every one by its path.
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };

    private static readonly JsonSerializerOptions Options = new(MlaFlowJson.Options)
    {
        MaxDepth = MaxDepth,
        // A misspelt field is an error, not silently dropped data; JsonShape reports them, and these hold whatever reads.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        // A number is a JSON number: "12" is a string, as the body's shape says (the web defaults would take it).
        NumberHandling = JsonNumberHandling.Strict,
        // Set, as the serializer would on first use, because JsonShape reads the contracts before anything is deserialized.
        TypeInfoResolver = JsonSerializerOptions.Default.TypeInfoResolver,
    };

    /// <summary>The body, or a problem: 415, 413, 400 for JSON that does not parse or has the wrong shape.</summary>
    public static async Task<(TBody? Body, IResult? Problem)> ReadAsync<TBody>(HttpRequest request, int maxBytes) where TBody : class
    {
        var errors = new ValidationErrors();
        var (body, problem) = await ReadAsync<TBody>(request, maxBytes, errors);
        return problem is not null ? (null, problem) : errors.Any ? (null, ApiProblems.Invalid(errors.ToDictionary())) : (body, null);
    }

    /// <summary>
    /// As much of the body as fits <typeparamref name="TBody"/>, with what does not fit in <paramref name="errors"/> (it
    /// reads as absent), for a caller that reports those problems together with its own. A problem only when there is
    /// nothing to read: 415, 413, or 400 for JSON that does not parse, or is not an object.
    /// </summary>
    public static async Task<(TBody? Body, IResult? Problem)> ReadAsync<TBody>(HttpRequest request, int maxBytes, ValidationErrors errors) where TBody : class
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

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), DocumentOptions);
        }
        catch (JsonException e)
        {
            // The reader's messages say what and where (line, byte), and name no .NET type.
            errors.Unreadable("$", e.Message);
            return (null, ApiProblems.MalformedJson(errors.ToDictionary()));
        }

        using (document)
        {
            var contract = Options.GetTypeInfo(typeof(TBody));
            if (JsonShape.Fitting(document.RootElement, contract, "$", errors) is not { } fitting)
            {
                errors.Add("$", "The body is null; a JSON object is expected.");
                return (null, ApiProblems.MalformedJson(errors.ToDictionary()));
            }

            return ((TBody?)fitting.Deserialize(contract), null);
        }
    }
}
