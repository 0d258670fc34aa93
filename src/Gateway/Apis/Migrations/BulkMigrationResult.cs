using MlaFlow.Grains.Requests;

namespace MlaFlow.Gateway.Apis.Migrations;

/// <summary>What a bulk migration did, or would do in a dry run: the requests moved and those the rules refused.</summary>
public sealed record BulkMigrationResult(Procedure Procedure, int Version, bool DryRun, IReadOnlyList<MigrationResult> Migrated, IReadOnlyList<RefusedMigration> Refused);

/// <summary>A request a migration leaves where it is, and why.</summary>
public sealed record RefusedMigration(string RequestId, string Problem);
