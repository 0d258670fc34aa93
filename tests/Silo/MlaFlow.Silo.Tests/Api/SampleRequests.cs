using System.Text.Json.Nodes;
using MlaFlow.Testing;

namespace MlaFlow.Silo.Tests.Api;

/// <summary>
/// Request bodies from <c>samples/requests</c>, the files the README shows, so the tests post exactly what
/// a reader would and break when the samples drift from the API.
/// </summary>
public static class SampleRequests
{
    private static readonly Lazy<string> EvidenceJson = new(() => File.ReadAllText(RepositoryRoot.Combine("samples", "requests", "evidence.json")));

    /// <summary>The evidence sample with <paramref name="marker"/> appended to its summary of facts, to find this very request again.</summary>
    public static string EvidenceMarked(string marker)
    {
        var body = JsonNode.Parse(EvidenceJson.Value)!.AsObject();
        body["summaryOfFacts"] = $"{body["summaryOfFacts"]!.GetValue<string>()} {marker}";
        return body.ToJsonString();
    }
}
