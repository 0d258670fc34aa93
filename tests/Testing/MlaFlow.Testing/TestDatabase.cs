using Microsoft.Data.Sqlite;
using MlaFlow.Storage;
using Npgsql;
using Xunit;

namespace MlaFlow.Testing;

/// <summary>
/// A database of its own for one test: a new SQLite file in a temporary folder, or a new database on
/// the PostgreSQL server named by <c>MLAFLOW_TEST_POSTGRES</c> (./test.sh starts one). Dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "MLAFLOW_TEST_POSTGRES";

    private readonly string? _folder;
    private readonly string? _serverConnectionString;
    private readonly string? _databaseName;
    private readonly List<Database> _opened = [];

    private TestDatabase(StorageKind kind, string connectionString, string? folder, string? serverConnectionString, string? databaseName)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _folder = folder;
        _serverConnectionString = serverConnectionString;
        _databaseName = databaseName;
    }

    public StorageKind Kind { get; }

    public string ConnectionString { get; }

    public StorageProvider Provider => Kind == StorageKind.Sqlite ? StorageProvider.Sqlite : StorageProvider.Postgres;

    /// <summary>
    /// Makes a fresh database. Without a PostgreSQL server configured, a PostgreSQL test is skipped
    /// with a message saying so — except under CI, where it fails, so CI never passes without it.
    /// </summary>
    public static async Task<TestDatabase> CreateAsync(StorageKind kind)
    {
        if (kind == StorageKind.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("mlaflow-test-").FullName;
            return new TestDatabase(kind, $"Data Source={Path.Combine(folder, "test.db")}", folder, null, null);
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrEmpty(server))
        {
            const string why = $"{PostgresVariable} is not set: run ./test.sh, which starts a throwaway PostgreSQL server.";
            if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
            {
                throw new InvalidOperationException(why);
            }

            Skip.If(true, why);
        }

        var name = $"mlaflow_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server!) { Database = name }.ToString();
        return new TestDatabase(kind, connectionString, null, server, name);
    }

    /// <summary>The storage settings of a node on this database, its data folder <paramref name="dataPath"/>.</summary>
    public StorageOptions Options(string dataPath) => new() { Provider = Provider.ToString(), ConnectionString = ConnectionString, DataPath = dataPath };

    /// <summary>A new <see cref="Database"/> on this test database, as a separate node would have.</summary>
    public Database Open()
    {
        Database database = Kind == StorageKind.Sqlite ? new SqliteDatabase(ConnectionString) : new PostgresDatabase(ConnectionString);
        _opened.Add(database);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }

        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }

        if (_databaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_serverConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
