using Dapper;

namespace MlaFlow.Storage.Auditing;

/// <summary>
/// Recomputes an authority's audit chain from its first record and reports the first broken link; then checks the live
/// rows against it: each of the authority's grains must hold the state its last audit record hashed, and a grain whose
/// last record says it was written must still be there.
/// </summary>
public sealed class AuditChainVerifier(Database database)
{
    private static readonly string Cleared = AuditChain.Sha256Hex("");

    public async Task<AuditVerification> VerifyAsync(string authority, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var records = (await connection.QueryAsync<StoredRecord>(new CommandDefinition(
            """
            SELECT authority_id AS AuthorityId, seq AS Seq, at AS At, actor AS Actor, action AS Action, request_id AS RequestId,
                   state_sha256 AS StateSha256, prev_hash AS PrevHash, hash AS Hash, grain AS Grain
            FROM audit_log WHERE authority_id = @Authority ORDER BY seq
            """, new { Authority = authority }, cancellationToken: cancellationToken))).ToList();

        var (verified, chainProblem) = VerifyChain(records);
        if (chainProblem is null)
        {
            var head = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "SELECT hash FROM audit_heads WHERE authority_id = @Authority", new { Authority = authority }, cancellationToken: cancellationToken));
            chainProblem = (head ?? AuditChain.Genesis) != (records.Count > 0 ? records[^1].Hash : AuditChain.Genesis)
                ? "the chain head does not match the last record (records were removed from the end)" : null;
        }

        var rows = await connection.QueryAsync<StoredState>(new CommandDefinition(
            "SELECT grain_type AS Type, grain_key AS Key, payload AS Payload FROM grain_state WHERE owner = @Authority ORDER BY grain_type, grain_key",
            new { Authority = authority }, cancellationToken: cancellationToken));
        return new AuditVerification(authority, verified, chainProblem, StateProblems(records, rows));
    }

    private static (long Verified, string? Problem) VerifyChain(List<StoredRecord> records)
    {
        var expectedSeq = 1L;
        var previousHash = AuditChain.Genesis;
        foreach (var stored in records)
        {
            var problem = stored.Seq != expectedSeq ? $"record {expectedSeq} is missing (found {stored.Seq})"
                : stored.PrevHash != previousHash ? $"record {stored.Seq} does not link to record {stored.Seq - 1}"
                : stored.Record.ComputeHash() != stored.Hash ? $"record {stored.Seq} was altered (its hash does not match its fields)"
                : null;
            if (problem is not null)
            {
                return (expectedSeq - 1, problem);
            }

            previousHash = stored.Hash;
            expectedSeq++;
        }

        return (expectedSeq - 1, null);
    }

    private static List<string> StateProblems(List<StoredRecord> records, IEnumerable<StoredState> rows)
    {
        var last = new Dictionary<string, StoredRecord>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (record.Record.GrainRecorded is { } grain)
            {
                last[grain] = record;
            }
        }

        var problems = new List<string>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var grain = $"{row.Type}/{row.Key}";
            present.Add(grain);
            if (!last.TryGetValue(grain, out var record))
            {
                problems.Add($"the state of {grain} has no audit record");
            }
            else if (AuditChain.Sha256Hex(row.Payload) != record.StateSha256)
            {
                problems.Add($"the state of {grain} was altered: it is not the state its last audit record (record {record.Seq}) hashed");
            }
        }

        problems.AddRange(last.Where(l => !present.Contains(l.Key) && l.Value.StateSha256 != Cleared)
            .OrderBy(l => l.Value.Seq)
            .Select(l => $"the state of {l.Key} is missing: its last audit record (record {l.Value.Seq}) wrote it"));
        return problems;
    }

    private sealed record StoredRecord(
        string AuthorityId, long Seq, string At, string Actor, string Action, string? RequestId, string StateSha256, string PrevHash, string Hash, string? Grain)
    {
        public AuditRecord Record => new(AuthorityId, Seq, At, Actor, Action, RequestId, StateSha256, PrevHash, Grain);
    }

    private sealed record StoredState(string Type, string Key, string Payload);
}
