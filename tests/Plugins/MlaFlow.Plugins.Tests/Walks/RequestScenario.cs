using System.Text.Json.Nodes;

namespace MlaFlow.Plugins.Tests.Walks;

/// <summary>A request's facts document (<c>{ "request": …, "plugin": … }</c>) under a short name that says what sets it apart.</summary>
internal sealed record RequestScenario(string Name, JsonObject Facts)
{
    public override string ToString() => Name;
}
