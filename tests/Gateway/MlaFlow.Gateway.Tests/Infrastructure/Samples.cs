using System.Text.Json.Nodes;
using MlaFlow.Testing;

namespace MlaFlow.Gateway.Tests.Infrastructure;

/// <summary>
/// The request bodies in <c>samples/requests/</c>, read from the checkout: the same files the README's
/// curl example sends, so a sample that stops being valid fails here. All go from CN-MOJ to TH-OAG.
/// </summary>
internal static class Samples
{
    public const string Evidence = "evidence";
    public const string ProvisionalArrest = "provisional-arrest";
    public const string Extradition = "extradition";

    public static IReadOnlyList<string> All { get; } = [Evidence, ProvisionalArrest, Extradition];

    /// <summary>The sample's text exactly as stored.</summary>
    public static string Text(string name) => File.ReadAllText(RepositoryRoot.Combine("samples", "requests", $"{name}.json"));

    /// <summary>The sample as a fresh JSON tree, for a test to change one thing in.</summary>
    public static JsonObject Json(string name) => JsonNode.Parse(Text(name))!.AsObject();

    /// <summary>The evidence sample sent the other way: from TH-OAG to CN-MOJ, with the translation into Chinese China requires.</summary>
    public static JsonObject EvidenceFromThailand()
    {
        var body = Json(Evidence);
        body["requested"] = new JsonObject { ["state"] = "CN", ["authority"] = "CN-MOJ" };
        body["attachments"]!.AsArray().Add(new JsonObject
        {
            ["name"] = "request-zh.pdf",
            ["mediaType"] = "application/pdf",
            ["size"] = 52114,
            ["category"] = "translation",
            ["language"] = "zh",
            ["sha256"] = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
        });
        return body;
    }
}
