namespace MlaFlow.Gateway.Apis.Tasks;

/// <summary>The body of <c>POST /api/v1/tasks/{id}/route</c>: the outcome a failed step is to leave through.</summary>
public sealed record RouteStepBody(string? Outcome);
