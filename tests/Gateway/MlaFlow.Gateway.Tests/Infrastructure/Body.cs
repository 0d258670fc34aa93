using System.Text;
using System.Text.Json.Nodes;

namespace MlaFlow.Gateway.Tests.Infrastructure;

/// <summary>HTTP bodies as a client would send them.</summary>
internal static class Body
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(JsonNode json) => Json(json.ToJsonString());

    public static StringContent Sample(string name) => Json(Samples.Text(name));

    public static StringContent Note(string text) => Json(new JsonObject { ["text"] = text });
}
