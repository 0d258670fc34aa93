using System.Data.Common;
using Npgsql;

namespace MlaFlow.Storage;

/// <summary>PostgreSQL, shared by every node of a deployment: row locks and SKIP LOCKED keep them apart.</summary>
public sealed class PostgresDatabase(string connectionString) : Database
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public override StorageProvider Provider => StorageProvider.Postgres;

    public override string ForUpdate => " FOR UPDATE";

    public override string ForUpdateSkipLocked => " FOR UPDATE SKIP LOCKED";

    // Any constant works; it only has to be the same on every node. ("MLAF" in ASCII.)
    public override string? MigrationLockSql => "SELECT pg_advisory_xact_lock(1296842054)";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
