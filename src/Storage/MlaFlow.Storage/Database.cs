using System.Data.Common;

namespace MlaFlow.Storage;

/// <summary>
/// One database and the few places where its SQL dialect differs. Everything else — statements,
/// transactions, Dapper — is one code path for SQLite and PostgreSQL.
/// </summary>
public abstract class Database : IAsyncDisposable
{
    public abstract StorageProvider Provider { get; }

    /// <summary>Appended to a SELECT that must lock the rows it reads until commit (empty where a write transaction already locks the whole database).</summary>
    public abstract string ForUpdate { get; }

    /// <summary>Appended to a SELECT that claims rows other nodes may be claiming: locked rows are skipped, not waited for.</summary>
    public abstract string ForUpdateSkipLocked { get; }

    /// <summary>Run first in a migration transaction, so two nodes starting together apply each migration once.</summary>
    public abstract string? MigrationLockSql { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>Opens a connection and starts a write transaction on it.</summary>
    public async Task<(DbConnection Connection, DbTransaction Transaction)> BeginAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken);
        try
        {
            return (connection, await connection.BeginTransactionAsync(cancellationToken));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Releases pooled connections, where the provider keeps them per database object.</summary>
    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
