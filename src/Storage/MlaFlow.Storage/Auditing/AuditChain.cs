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
public sealed class AuditChain(Database database, IClock clock)
{
    /// <summary>The <c>prev_hash</c> of the first record of every chain.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public async Task AppendAsync(DbConnection connection, DbTransaction transaction, AuditEntry entry, string stateSha256, CancellationToken cancellationToken)
    {
        RefuseLineBreaks(entry);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO audit_heads (authority_id, seq, hash) VALUES (@Authority, 0, @Genesis) ON CONFLICT (authority_id) DO NOTHING",
            new { entry.Authority, Genesis }, transaction, cancellationToken: cancellationToken));

        // The head row is locked until commit: concurrent writers for one authority queue here, so each
        // takes the next seq; writers for other authorities do not wait.
        var head = await connection.QuerySingleAsync<Head>(new CommandDefinition(
            $"SELECT seq AS Seq, hash AS Hash FROM audit_heads WHERE authority_id = @Authority{database.ForUpdate}",
            new { entry.Authority }, transaction, cancellationToken: cancellationToken));

        var record = new AuditRecord(
            entry.Authority, head.Seq + 1, InstantText.Format(clock.GetCurrentInstant()), entry.Actor, entry.Action,
            entry.RequestId, stateSha256, head.Hash);
        var hash = record.ComputeHash();

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO audit_log (authority_id, seq, at, actor, action, request_id, state_sha256, prev_hash, hash)
            VALUES (@AuthorityId, @Seq, @At, @Actor, @Action, @RequestId, @StateSha256, @PrevHash, @Hash)
            """,
            new { record.AuthorityId, record.Seq, record.At, record.Actor, record.Action, record.RequestId, record.StateSha256, record.PrevHash, Hash = hash },
            transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE audit_heads SET seq = @Seq, hash = @Hash WHERE authority_id = @Authority",
            new { record.Seq, Hash = hash, entry.Authority }, transaction, cancellationToken: cancellationToken));
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
