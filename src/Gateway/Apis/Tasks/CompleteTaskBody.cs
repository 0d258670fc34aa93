using System.Text.Json.Nodes;

namespace MlaFlow.Gateway.Apis.Tasks;

/// <summary>The body of <c>POST /api/v1/tasks/{id}/complete</c>: the outcome chosen and the task form's fields.</summary>
public sealed record CompleteTaskBody(string? Outcome, JsonObject? Form);
