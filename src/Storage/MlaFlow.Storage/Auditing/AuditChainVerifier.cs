using Dapper;

namespace MlaFlow.Storage.Auditing;

/// <summary>Recomputes an authority's audit chain from its first record and reports the first broken link.</summary>
public sealed class AuditChainVerifier(Database database)
{
    public async Task<AuditVerification> VerifyAsync(string authority, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var records = await connection.QueryAsync<StoredRecord>(new CommandDefinition(
            """
            SELECT authority_id AS AuthorityId, seq AS Seq, at AS At, actor AS Actor, action AS Action, request_id AS RequestId,
                   state_sha256 AS StateSha256, prev_hash AS PrevHash, hash AS Hash
            FROM audit_log WHERE authority_id = @Authority ORDER BY seq
            """, new { Authority = authority }, cancellationToken: cancellationToken));

        var expectedSeq = 1L;
        var previousHash = AuditChain.Genesis;
        foreach (var stored in records)
        {
            var record = new AuditRecord(stored.AuthorityId, stored.Seq, stored.At, stored.Actor, stored.Action, stored.RequestId, stored.StateSha256, stored.PrevHash);
            var problem = stored.Seq != expectedSeq ? $"record {expectedSeq} is missing (found {stored.Seq})"
                : stored.PrevHash != previousHash ? $"record {stored.Seq} does not link to record {stored.Seq - 1}"
                : record.ComputeHash() != stored.Hash ? $"record {stored.Seq} was altered (its hash does not match its fields)"
                : null;
            if (problem is not null)
            {
                return new AuditVerification(authority, expectedSeq - 1, problem);
            }

            previousHash = stored.Hash;
            expectedSeq++;
        }

        var head = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT hash FROM audit_heads WHERE authority_id = @Authority", new { Authority = authority }, cancellationToken: cancellationToken));
        var headProblem = (head ?? AuditChain.Genesis) != previousHash ? "the chain head does not match the last record (records were removed from the end)" : null;
        return new AuditVerification(authority, expectedSeq - 1, headProblem);
    }

    private sealed record StoredRecord(
        string AuthorityId, long Seq, string At, string Actor, string Action, string? RequestId, string StateSha256, string PrevHash, string Hash);
}
