namespace MlaFlow.Storage.Auditing;

/// <summary>
/// The outcome of verifying one authority's audit: how many records of its chain verified, the chain's first problem if
/// any, and every live row that does not match the chain (an edited, deleted or unaudited state).
/// </summary>
public sealed record AuditVerification(string Authority, long VerifiedRecords, string? Problem, IReadOnlyList<string> StateProblems)
{
    public bool IsIntact => Problem is null && StateProblems.Count == 0;
}
