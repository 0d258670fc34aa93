using System.Text.Json.Nodes;

namespace MlaFlow.Storage.Tests.States;

/// <summary>Reads version 1 of <see cref="CounterState"/>: <c>total</c> became <c>count</c>, and <c>items</c> appeared.</summary>
public sealed class CounterStateV1Upgrader : IStateUpgrader
{
    public string StateType => "test-counter";

    public int FromVersion => 1;

    public JsonObject Upgrade(JsonObject state)
    {
        var total = state["total"]!.GetValue<int>();
        state.Remove("total");
        state["count"] = total;
        state["items"] = new JsonArray();
        return state;
    }
}
