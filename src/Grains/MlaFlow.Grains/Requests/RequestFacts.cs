using System.Text.Json;
using System.Text.Json.Nodes;
using MlaFlow.Grains.Serialization;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// A request as the facts document that form rules and workflow conditions read (docs/workflows.md,
/// "Conditions"): the request's JSON under <c>request</c>, with <c>requestingState</c> and
/// <c>requestedState</c>, and the plugin's facts under <c>plugin</c>.
/// </summary>
public static class RequestFacts
{
    /// <summary>The facts of a request being submitted.</summary>
    public static JsonObject Of(NewAssistanceRequest draft, CountryCode requestingState, IReadOnlyDictionary<string, JsonNode> pluginFacts) =>
        Document(JsonSerializer.SerializeToNode(draft, MlaFlowJson.Options)!.AsObject(), requestingState, draft.Requested.State, pluginFacts);

    /// <summary>The facts of an open request, without its workflow and outbox (conditions read the request, not the procedure).</summary>
    public static JsonObject Of(AssistanceRequest request, IReadOnlyDictionary<string, JsonNode> pluginFacts)
    {
        var json = JsonSerializer.SerializeToNode(request with { Workflow = null, Outbox = null, Timeline = [] }, MlaFlowJson.Options)!.AsObject();
        return Document(json, request.Requesting.State, request.Requested.State, pluginFacts);
    }

    private static JsonObject Document(JsonObject request, CountryCode requestingState, CountryCode requestedState, IReadOnlyDictionary<string, JsonNode> pluginFacts)
    {
        request["requestingState"] = requestingState.Value;
        request["requestedState"] = requestedState.Value;
        return new JsonObject
        {
            ["request"] = request,
            ["plugin"] = new JsonObject(pluginFacts.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value.DeepClone()))),
        };
    }
}
