using System.Text.Json.Nodes;
using MlaFlow.Storage;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// Reads <c>assistance-request</c> version 2, which kept the counterpart's messages a copy took by id alone. Version 3
/// keeps each as a <see cref="ReceivedMessage"/> (its type, sender's copy, time and files); those of before keep their id
/// only, as nothing more of them was stored.
/// </summary>
public sealed class ReceivedMessagesUpgrader : IStateUpgrader
{
    public string StateType => "assistance-request";

    public int FromVersion => 2;

    public JsonObject Upgrade(JsonObject state)
    {
        if (state["request"]?["receivedMessages"] is JsonArray ids)
        {
            state["request"]!["receivedMessages"] = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject { ["id"] = id?.DeepClone() })]);
        }

        return state;
    }
}
