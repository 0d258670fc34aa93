using System.Globalization;

namespace MlaFlow.Storage.Auditing;

/// <summary>One audit record as stored in <c>audit_log</c>, without its own hash.</summary>
public sealed record AuditRecord(
    string AuthorityId, long Seq, string At, string Actor, string Action, string? RequestId, string StateSha256, string PrevHash)
{
    /// <summary>
    /// SHA-256 over the fields, one per line, in column order. Line breaks cannot occur inside a field
    /// (<see cref="AuditChain"/> refuses them), so the encoding is unambiguous.
    /// </summary>
    public string ComputeHash() => AuditChain.Sha256Hex(string.Join('\n',
        AuthorityId, Seq.ToString(CultureInfo.InvariantCulture), At, Actor, Action, RequestId ?? "", StateSha256, PrevHash));
}
