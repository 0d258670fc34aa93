namespace MlaFlow.Gateway.Apis.Migrations;

/// <summary>
/// The body of <c>POST /api/v1/requests/{id}/workflow/migrate</c>: the version to move to, the new step for each open
/// step, and why.
/// </summary>
public sealed record MigrateWorkflowBody(int? Version, Dictionary<string, string>? Steps, string? Reason);

/// <summary>
/// The body of <c>POST /api/v1/workflows/migrations</c>: every running request of <see cref="Procedure"/> moved to
/// <see cref="Version"/>, each open step by <see cref="Steps"/>. Only a dry run unless <see cref="DryRun"/> is false.
/// </summary>
public sealed record BulkMigrationBody(ProcedureBody? Procedure, int? Version, Dictionary<string, string>? Steps, string? Reason, bool? DryRun);

/// <summary>A procedure as a body names it: <c>{ "country": "TH", "side": "requested", "kind": "evidence", "version": 1 }</c>.</summary>
public sealed record ProcedureBody(string? Country, string? Side, string? Kind, int? Version);
