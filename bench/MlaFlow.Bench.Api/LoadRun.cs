using Npgsql;

namespace MlaFlow.Bench.Api;

/// <summary>The whole run: the node on SQLite, then on PostgreSQL next to pgbench, at each client count.</summary>
public sealed class LoadRun(LoadOptions options, TextWriter progress)
{
    private const string Authority = "CN-MOJ";

    public static bool TryParseClients(string text, out IReadOnlyList<int> clients)
    {
        var parsed = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0)
            .ToList();
        clients = parsed;
        return parsed.Count > 0 && parsed.All(n => n is >= 1 and <= 512);
    }

    public async Task<IReadOnlyList<Measurement>> RunAsync(CancellationToken cancellationToken)
    {
        var evidence = await File.ReadAllTextAsync(RepositoryFile("samples", "requests", "evidence.json"), cancellationToken);
        var measurements = new List<Measurement>();
        measurements.AddRange(await MeasureNodeAsync("SQLite", null, evidence, cancellationToken));
        if (options.Postgres is not { } server)
        {
            return measurements;
        }

        var builder = new NpgsqlConnectionStringBuilder(server);
        var nodeDatabase = await CreateDatabaseAsync(builder, "mlaflow_bench", cancellationToken);
        var pgbenchDatabase = await CreateDatabaseAsync(builder, "mlaflow_pgbench", cancellationToken);
        try
        {
            var onPostgres = await MeasureNodeAsync("PostgreSQL", new NpgsqlConnectionStringBuilder(server) { Database = nodeDatabase }.ToString(), evidence, cancellationToken);
            var pgbench = new PgBench(options.PgBench, builder);
            progress.WriteLine("pgbench: initialising");
            await pgbench.InitializeAsync(pgbenchDatabase, cancellationToken);
            foreach (var clients in options.Clients)
            {
                progress.WriteLine($"pgbench: {clients} clients");
                var tpcb = await pgbench.TpsAsync(pgbenchDatabase, "tpcb-like", clients, options.Duration, cancellationToken);
                var simple = await pgbench.TpsAsync(pgbenchDatabase, "simple-update", clients, options.Duration, cancellationToken);
                measurements.AddRange(onPostgres.Where(m => m.Clients == clients).Select(m => m with { PgBench = (tpcb, simple) }));
            }
        }
        finally
        {
            await DropDatabaseAsync(builder, nodeDatabase);
            await DropDatabaseAsync(builder, pgbenchDatabase);
        }

        return measurements;
    }

    private async Task<IReadOnlyList<Measurement>> MeasureNodeAsync(string store, string? connectionString, string evidence, CancellationToken cancellationToken)
    {
        progress.WriteLine($"{store}: starting the node");
        await using var node = await NodeUnderLoad.StartAsync(connectionString, cancellationToken);
        var load = new ApiLoad(node.Address, await node.TokenAsync(Authority, "officer", cancellationToken), evidence);
        var measurements = new List<Measurement>();
        foreach (var clients in options.Clients)
        {
            progress.WriteLine($"{store}: submit, {clients} clients");
            await load.SubmitAsync(clients, options.WarmUp, cancellationToken);
            var (submitted, ids) = await load.SubmitAsync(clients, options.Duration, cancellationToken);
            progress.WriteLine($"{store}: status, {clients} clients");
            await load.StatusAsync(clients, options.WarmUp, ids, cancellationToken);
            var status = await load.StatusAsync(clients, options.Duration, ids, cancellationToken);
            measurements.Add(new Measurement(store, "submit", clients, submitted));
            measurements.Add(new Measurement(store, "status", clients, status));
        }

        return measurements;
    }

    private static async Task<string> CreateDatabaseAsync(NpgsqlConnectionStringBuilder server, string prefix, CancellationToken cancellationToken)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(server.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return name;
    }

    private static async Task DropDatabaseAsync(NpgsqlConnectionStringBuilder server, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server.ToString());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string RepositoryFile(params string[] parts)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MlaFlow.sln")))
            {
                return Path.Combine([folder.FullName, .. parts]);
            }
        }

        throw new InvalidOperationException("Run the benchmark from a checkout: MlaFlow.sln was not found above its folder.");
    }
}
