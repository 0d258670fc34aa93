using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Storage;
using MlaFlow.Testing;

namespace MlaFlow.Silo.Tests.Processes;

/// <summary>
/// What a node keeps between runs, owned by one test: a data folder of its own (signing key, and on SQLite
/// the database file) and, on PostgreSQL, a database of its own. Every node and command the test starts
/// gets <see cref="Environment"/>, so a restarted node finds what the killed one left. The test reads the
/// tables with plain SQL, as an auditor would.
/// </summary>
public sealed class NodeStore : IAsyncDisposable
{
    private readonly TestDatabase? _postgres;

    private NodeStore(string dataFolder, Database database, TestDatabase? postgres, IReadOnlyDictionary<string, string> deployment)
    {
        DataFolder = dataFolder;
        Database = database;
        _postgres = postgres;
        // A silo port of its own, the same for every run on this store: a node restarted after a crash rejoins on the
        // address the dead one had, which Orleans then replaces at once rather than waiting for it to expire.
        var environment = new Dictionary<string, string>(deployment)
        {
            ["MlaFlow__DataPath"] = dataFolder,
            ["MlaFlow__Cluster__SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MlaFlow__Cluster__GatewayPort"] = "0",
        };
        Environment = environment;
    }

    public string DataFolder { get; }

    /// <summary>The node's database, opened by the test to inspect (or tamper with) what the node wrote.</summary>
    public Database Database { get; }

    /// <summary>The node's configuration: <c>MlaFlow__DataPath</c> and its silo port, plus provider and connection string on PostgreSQL.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>
    /// On SQLite no storage setting is given at all, so the node uses its embedded default
    /// (<c>mlaflow.db</c> in the data folder) — the configuration most installations run.
    /// </summary>
    public static async Task<NodeStore> CreateAsync(StorageKind kind)
    {
        var postgres = kind == StorageKind.Postgres ? await TestDatabase.CreateAsync(kind) : null;
        var folder = Directory.CreateTempSubdirectory("mlaflow-silo-test-").FullName;
        Database database = postgres is not null
            ? postgres.Open()
            : new SqliteDatabase($"Data Source={Path.Combine(folder, DatabaseFactory.SqliteFileName)}");
        return new NodeStore(folder, database, postgres, postgres is null ? new Dictionary<string, string>() : Postgres(postgres));
    }

    /// <summary>
    /// The stores of <paramref name="nodes"/> nodes of one deployment on one PostgreSQL database: each node its own data
    /// folder and silo port, all one cluster, all signing tokens with one key. The first store drops the database.
    /// </summary>
    public static async Task<IReadOnlyList<NodeStore>> CreateClusterAsync(int nodes)
    {
        var postgres = await TestDatabase.CreateAsync(StorageKind.Postgres);
        var deployment = new Dictionary<string, string>(Postgres(postgres))
        {
            ["MlaFlow__Auth__SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };
        return [.. Enumerable.Range(0, nodes).Select(i =>
            new NodeStore(Directory.CreateTempSubdirectory("mlaflow-silo-test-").FullName, postgres.Open(), i == 0 ? postgres : null, deployment))];
    }

    private static Dictionary<string, string> Postgres(TestDatabase postgres) => new()
    {
        ["MlaFlow__Storage__Provider"] = "Postgres",
        ["MlaFlow__Storage__ConnectionString"] = postgres.ConnectionString,
    };

    /// <summary><see cref="Environment"/> with more settings, e.g. a deliberately broken one.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentWith(params (string Name, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>(Environment);
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        return environment;
    }

    /// <summary>Every stored request of <paramref name="authority"/>.</summary>
    public async Task<IReadOnlyList<StoredRequest>> RequestsAsync(string authority)
    {
        await using var connection = await Database.OpenAsync();
        var rows = await connection.QueryAsync<StoredRequest>(
            """
            SELECT grain_key AS Id, external_key AS IdempotencyKey, payload AS Payload
            FROM grain_state WHERE grain_type = 'request' AND owner = @authority
            """, new { authority });
        return rows.ToList();
    }

    /// <summary>The authority grain's stored state (its request counter), or null before its first request.</summary>
    public async Task<string?> AuthorityStateAsync(string authority)
    {
        await using var connection = await Database.OpenAsync();
        return await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT payload FROM grain_state WHERE grain_type = 'authority' AND grain_key = @authority", new { authority });
    }

    /// <summary><paramref name="authority"/>'s audit chain in order.</summary>
    public async Task<IReadOnlyList<StoredAuditRecord>> AuditLogAsync(string authority)
    {
        await using var connection = await Database.OpenAsync();
        var rows = await connection.QueryAsync<StoredAuditRecord>(
            "SELECT seq AS Seq, action AS Action, request_id AS RequestId FROM audit_log WHERE authority_id = @authority ORDER BY seq",
            new { authority });
        return rows.ToList();
    }

    /// <summary>Every envelope the node accepted from another node, in the order it arrived.</summary>
    public async Task<IReadOnlyList<StoredEnvelope>> InboxAsync()
    {
        await using var connection = await Database.OpenAsync();
        var rows = await connection.QueryAsync<StoredEnvelope>(
            """
            SELECT sender_authority AS Sender, message_id AS MessageId, message_type AS MessageType, envelope AS Envelope
            FROM exchange_inbox ORDER BY received_at
            """);
        return rows.ToList();
    }

    /// <summary>Runs a statement directly on the database, behind the node's back.</summary>
    public async Task<int> ExecuteAsync(string sql, object? parameters = null)
    {
        await using DbConnection connection = await Database.OpenAsync();
        return await connection.ExecuteAsync(sql, parameters);
    }

    public async ValueTask DisposeAsync()
    {
        // TestDatabase disposes the databases it opened, then drops its own.
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        else if (Database is SqliteDatabase)
        {
            await Database.DisposeAsync();
        }

        // Pooled connections keep the SQLite file open; close them before removing the folder.
        SqliteConnection.ClearAllPools();
        Directory.Delete(DataFolder, recursive: true);
    }
}
