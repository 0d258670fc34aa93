using System.Text.Json.Nodes;
using MlaFlow.Storage;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// Reads <c>assistance-request</c> version 1, written before MlaFlow ran on Orleans: the request and its workflow
/// instance were one object. Version 2 (<see cref="RequestRecord"/>) keeps the request, as callers see it, apart from
/// the engine's instance, which only the grain works with.
/// </summary>
public sealed class RequestRecordUpgrader : IStateUpgrader
{
    public string StateType => "assistance-request";

    public int FromVersion => 1;

    public JsonObject Upgrade(JsonObject state)
    {
        var record = new JsonObject();
        if (state.Remove("workflow", out var workflow))
        {
            record["workflow"] = workflow;
        }

        record["request"] = state;
        return record;
    }
}
