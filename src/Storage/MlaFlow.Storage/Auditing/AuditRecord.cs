using System.Globalization;

namespace MlaFlow.Storage.Auditing;

/// <summary>One audit record as stored in <c>audit_log</c>, without its own hash.</summary>
/// <param name="AuthorityId">The authority whose chain holds the record.</param>
/// <param name="Seq">Its place in the chain, from 1.</param>
/// <param name="At">When, as ISO 8601 UTC text.</param>
/// <param name="Actor">Who acted.</param>
/// <param name="Action">What was done (<c>request.created</c>).</param>
/// <param name="RequestId">The request concerned, if any.</param>
/// <param name="StateSha256">SHA-256 (hex) of the state written.</param>
/// <param name="PrevHash">The previous record's hash (<see cref="AuditChain.Genesis"/> for the first).</param>
/// <param name="Grain">The grain whose state <paramref name="StateSha256"/> hashes (<c>request/CN-MOJ-2026-000001</c>); null in records written before migration 0006.</param>
public sealed record AuditRecord(
    string AuthorityId, long Seq, string At, string Actor, string Action, string? RequestId, string StateSha256, string PrevHash, string? Grain)
{
    /// <summary>
    /// SHA-256 over the fields, one per line, in column order. Line breaks cannot occur inside a field
    /// (<see cref="AuditChain"/> refuses them), so the encoding is unambiguous. The grain comes last, and only when the
    /// record has one: records of before keep their hashes, and a grain removed from a newer record breaks its hash.
    /// </summary>
    public string ComputeHash() => AuditChain.Sha256Hex(string.Join('\n',
        [AuthorityId, Seq.ToString(CultureInfo.InvariantCulture), At, Actor, Action, RequestId ?? "", StateSha256, PrevHash, .. Grain is null ? Array.Empty<string>() : [Grain]]));

    /// <summary>
    /// The grain the record is of: <see cref="Grain"/>, or for a record of before migration 0006, what its action and
    /// request id say (a request number given out is the authority's counter; any other change is of its request).
    /// </summary>
    public string? GrainRecorded => Grain
        ?? (Action == "request.number-allocated" ? $"authority/{AuthorityId}" : RequestId is { } id ? $"request/{id}" : null);
}
