using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace MlaFlow.Storage;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Microsoft.Data.Sqlite starts transactions with
/// BEGIN IMMEDIATE, so a write transaction holds the database's single write lock from its first
/// statement; that is why this dialect needs no row locks.
/// </summary>
public sealed class SqliteDatabase : Database
{
    private readonly string _connectionString;

    public SqliteDatabase(string connectionString)
    {
        // A busy writer makes others wait (up to 30 s) instead of failing with SQLITE_BUSY.
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 30, Pooling = true }.ToString();
    }

    public override StorageProvider Provider => StorageProvider.Sqlite;

    public override string ForUpdate => "";

    public override string ForUpdateSkipLocked => "";

    public override string? MigrationLockSql => null;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Switches the file to write-ahead logging (a property of the file, kept across opens).</summary>
    internal async Task EnableWriteAheadLogAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
