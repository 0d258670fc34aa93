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
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly string _connectionString;

    // The database file, or null for an in-memory database.
    private readonly string? _path;

    public SqliteDatabase(string connectionString)
    {
        // A busy writer makes others wait (up to 30 s) instead of failing with SQLITE_BUSY.
        var builder = new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 30, Pooling = true };
        _connectionString = builder.ToString();
        _path = builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:" ? null : Path.GetFullPath(builder.DataSource);
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

    /// <summary>
    /// Readies the file before anything is stored: readable and writable by its owner alone (it holds the requests'
    /// personal data, as the key folder holds the keys; SQLite gives its <c>-wal</c> and <c>-shm</c> files the mode of the
    /// database file), then switched to write-ahead logging (a property of the file, kept across opens).
    /// </summary>
    internal async Task PrepareFileAsync(CancellationToken cancellationToken)
    {
        RestrictToOwner();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void RestrictToOwner()
    {
        if (_path is null || OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            // Made empty here, with its mode, rather than by SQLite with the process's umask.
            using var created = new FileStream(_path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly });
        }
        catch (IOException) when (File.Exists(_path))
        {
            // There already: a store of before, whose mode is set below.
        }

        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" }.Where(File.Exists))
        {
            File.SetUnixFileMode(file, OwnerOnly);
        }
    }
}
