using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace MlaFlow.Gateway.Tests.Infrastructure;

/// <summary>Thailand's side of China's evidence request, up to the review where the evidence obtained is uploaded.</summary>
internal static class EvidenceWalk
{
    public static async Task ToReviewAsync(HttpClient thaiOfficer)
    {
        await TwoNodes.CompleteAsync(thaiOfficer, "register", "registered", new JsonObject { ["registrationNumber"] = "OAG-MLA-2026-77" });
        await TwoNodes.CompleteAsync(thaiOfficer, "check", "complete");
        await TwoNodes.CompleteAsync(thaiOfficer, "assign", "assigned", new JsonObject { ["executingAuthority"] = "Royal Thai Police, Economic Crime Division" });
        await TwoNodes.CompleteAsync(thaiOfficer, "execute-investigative", "done", new JsonObject { ["resultSummary"] = "Bank records obtained." });
        await TwoNodes.CompleteAsync(thaiOfficer, "execute-judicial", "notRequired");
    }

    /// <summary>Uploads <paramref name="bytes"/> to <paramref name="request"/>'s files; returns the file's record.</summary>
    public static async Task<JsonNode> UploadAsync(HttpClient client, string request, byte[] bytes, string name, string mediaType)
    {
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await client.PostAsync($"/api/v1/requests/{request}/files?name={Uri.EscapeDataString(name)}&category=evidence", content);
        return await response.ShouldBeJsonAsync(HttpStatusCode.Created);
    }
}
