namespace MlaFlow.Storage.Auditing;

/// <summary>The outcome of verifying one chain: how many records verified, and the first problem if any.</summary>
public sealed record AuditVerification(string Authority, long VerifiedRecords, string? Problem)
{
    public bool IsIntact => Problem is null;
}
