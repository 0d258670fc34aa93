using System.Text.Json.Nodes;
using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Testing.Walks;

/// <summary>
/// A request under a short name that says what sets it apart: the draft its requesting state submits, and its facts
/// document (<c>{ "request": …, "plugin": … }</c>) as the workflow's decisions read it.
/// </summary>
public sealed record RequestScenario(string Name, CountryCode Requesting, NewAssistanceRequest Draft, JsonObject Facts)
{
    public override string ToString() => Name;
}
