using System.Net;
using System.Text.Json;

namespace MlaFlow.Silo.Tests.Api;

/// <summary>An API answer, read in full so the connection is free again.</summary>
public sealed record ApiResponse(HttpStatusCode Status, string Body, bool Replayed)
{
    public JsonElement Json => JsonSerializer.Deserialize<JsonElement>(Body);

    /// <summary>The request id of a created or fetched request.</summary>
    public string Id => Json.GetProperty("id").GetString()!;

    public static async Task<ApiResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken = default) =>
        new(response.StatusCode,
            await response.Content.ReadAsStringAsync(cancellationToken),
            response.Headers.TryGetValues("Idempotent-Replayed", out var replayed) && replayed.Contains("true"));

    public override string ToString() => $"{(int)Status} {Status}{(Replayed ? " (replayed)" : "")}: {Body}";
}
