namespace MlaFlow.Silo.Tests.Processes;

/// <summary>One <c>audit_log</c> row, reduced to what the tests compare.</summary>
public sealed record StoredAuditRecord(long Seq, string Action, string? RequestId);
