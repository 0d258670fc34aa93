using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using NodaTime;

namespace MlaFlow.Storage.Auditing;

/// <summary>
/// Appends audit records to the per-authority hash chain, inside the caller's transaction. Each record's
/// hash covers its fields and the previous record's hash, so deleting, reordering or editing any record
/// breaks every later link (<see cref="AuditChainVerifier"/> finds where).
/// </summary>
public sealed class AuditChain(IClock clock)
{
    /// <summary>The <c>prev_hash</c> of the first record of every chain.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// Appends <paramref name="entries"/>, in order, to their authority's chain inside <paramref name="transaction"/>:
    /// two round trips whatever their number, the chain's head locked from the first until commit.
    /// </summary>
    /// <param name="connection">The transaction's connection.</param>
    /// <param name="transaction">The transaction that writes the state the entries record.</param>
    /// <param name="entries">One or more entries, all of one authority.</param>
    /// <param name="grain">The grain whose state is written (<c>request/CN-MOJ-2026-000001</c>), recorded with each entry.</param>
    /// <param name="stateSha256">SHA-256 (hex) of the state written, recorded with each entry.</param>
    /// <param name="cancellationToken">Cancels the statements.</param>
    public async Task AppendAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<AuditEntry> entries, string grain, string stateSha256, CancellationToken cancellationToken)
    {
        var authority = entries.Count > 0 ? entries[0].Authority : throw new ArgumentException("Nothing to append.", nameof(entries));
        foreach (var entry in entries)
        {
            RefuseLineBreaks(entry);
            if (entry.Authority != authority)
            {
                throw new ArgumentException($"The entries are of one chain: {entry.Authority} is not {authority}.", nameof(entries));
            }
        }

        // Creates the chain's head with its first record and locks it either way (an upsert that changes nothing still
        // locks the row), reading it in the same statement. Held until commit: concurrent writers for one authority
        // queue here, so each takes the next seq; writers for other authorities do not wait.
        var head = await connection.QuerySingleAsync<Head>(new CommandDefinition(
            """
            INSERT INTO audit_heads (authority_id, seq, hash) VALUES (@Authority, 0, @Genesis)
            ON CONFLICT (authority_id) DO UPDATE SET seq = audit_heads.seq
            RETURNING seq AS Seq, hash AS Hash
            """,
            new { Authority = authority, Genesis }, transaction, cancellationToken: cancellationToken));

        var at = InstantText.Format(clock.GetCurrentInstant());
        var sql = new StringBuilder("INSERT INTO audit_log (authority_id, seq, at, actor, action, request_id, state_sha256, prev_hash, hash, grain) VALUES\n");
        var parameters = new DynamicParameters(new { Authority = authority, At = at, StateSha256 = stateSha256, Grain = grain });
        var (seq, hash) = (head.Seq, head.Hash);
        for (var i = 0; i < entries.Count; i++)
        {
            var record = new AuditRecord(authority, seq + 1, at, entries[i].Actor, entries[i].Action, entries[i].RequestId, stateSha256, hash, grain);
            (seq, hash) = (record.Seq, record.ComputeHash());
            sql.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? ",\n" : "")}(@Authority, @Seq{i}, @At, @Actor{i}, @Action{i}, @RequestId{i}, @StateSha256, @PrevHash{i}, @Hash{i}, @Grain)");
            parameters.Add($"Seq{i}", record.Seq);
            parameters.Add($"Actor{i}", record.Actor);
            parameters.Add($"Action{i}", record.Action);
            parameters.Add($"RequestId{i}", record.RequestId);
            parameters.Add($"PrevHash{i}", record.PrevHash);
            parameters.Add($"Hash{i}", hash);
        }

        // The records and the new head in one round trip.
        sql.Append(";\nUPDATE audit_heads SET seq = @HeadSeq, hash = @HeadHash WHERE authority_id = @Authority");
        parameters.Add("HeadSeq", seq);
        parameters.Add("HeadHash", hash);
        await connection.ExecuteAsync(new CommandDefinition(sql.ToString(), parameters, transaction, cancellationToken: cancellationToken));
    }

    // The record hash joins fields with line breaks; a field holding one could forge another split.
    private static void RefuseLineBreaks(AuditEntry entry)
    {
        string?[] fields = [entry.Authority, entry.Actor, entry.Action, entry.RequestId];
        if (fields.Any(f => f is not null && f.AsSpan().IndexOfAny('\r', '\n') >= 0))
        {
            throw new ArgumentException("Audit fields must not contain line breaks.", nameof(entry));
        }
    }

    public static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private sealed record Head(long Seq, string Hash);
}
