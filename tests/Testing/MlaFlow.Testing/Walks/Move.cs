using System.Text.Json.Nodes;

namespace MlaFlow.Testing.Walks;

/// <summary>
/// One step of a route, left through <paramref name="Outcome"/>. <paramref name="Form"/> is the data a task is
/// completed with; it is null for every other step, and for a task left through its deadline (nobody completed it).
/// </summary>
public sealed record Move(string StepId, string Outcome, JsonObject? Form = null)
{
    public override string ToString() => Form is null ? $"{StepId} -{Outcome}->" : $"{StepId} {Form.ToJsonString()} -{Outcome}->";
}
