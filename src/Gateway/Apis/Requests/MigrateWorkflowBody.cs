namespace MlaFlow.Gateway.Apis.Requests;

/// <summary>The body of <c>POST /api/v1/requests/{id}/workflow/migrate</c>: the version to move to, and the new step for each open step.</summary>
public sealed record MigrateWorkflowBody(int? Version, Dictionary<string, string>? Steps);
