using System.Reflection;
using Dapper;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MlaFlow.Storage;

/// <summary>
/// Applies the numbered SQL files under <c>Migrations/&lt;provider&gt;/</c> that the database has not
/// recorded yet, each in its own transaction together with its row in <c>schema_migrations</c>.
/// Running it again, or on two nodes at once, applies nothing twice.
/// </summary>
public sealed class MigrationRunner(Database database, IClock clock, ILogger<MigrationRunner> logger)
{
    /// <summary>Applies what is missing and returns the versions it applied.</summary>
    public Task<IReadOnlyList<int>> ApplyAsync(CancellationToken cancellationToken = default) => ApplyAsync(int.MaxValue, cancellationToken);

    /// <summary>
    /// Applies what is missing up to and including <paramref name="throughVersion"/>: the schema a node of an older
    /// release left, for tests of the upgrade path.
    /// </summary>
    internal async Task<IReadOnlyList<int>> ApplyAsync(int throughVersion, CancellationToken cancellationToken = default)
    {
        if (database is SqliteDatabase sqlite)
        {
            await sqlite.PrepareFileAsync(cancellationToken);
        }

        await EnsureLedgerAsync(cancellationToken);
        var applied = new List<int>();
        foreach (var migration in Migration.ForProvider(database.Provider).TakeWhile(m => m.Version <= throughVersion))
        {
            if (await ApplyOneAsync(migration, cancellationToken))
            {
                applied.Add(migration.Version);
                logger.LogInformation("Applied migration {Version} {Name}", migration.Version, migration.Name);
            }
        }

        return applied;
    }

    private async Task EnsureLedgerAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
            cancellationToken: cancellationToken));
    }

    private async Task<bool> ApplyOneAsync(Migration migration, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await database.BeginAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            if (database.MigrationLockSql is { } lockSql)
            {
                await connection.ExecuteAsync(new CommandDefinition(lockSql, transaction: transaction, cancellationToken: cancellationToken));
            }

            var done = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version", new { migration.Version }, transaction, cancellationToken: cancellationToken));
            if (done > 0)
            {
                return false;
            }

            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                new { migration.Version, migration.Name, AppliedAt = InstantText.Format(clock.GetCurrentInstant()) },
                transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
    }

    /// <summary>One embedded migration file, <c>NNNN_name.sql</c>.</summary>
    private sealed record Migration(int Version, string Name, string Sql)
    {
        public static IEnumerable<Migration> ForProvider(StorageProvider provider)
        {
            var assembly = Assembly.GetExecutingAssembly();
            var prefix = $"Migrations/{provider}/";
            return assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
                .Select(n => Load(assembly, n, Path.GetFileNameWithoutExtension(n[prefix.Length..])))
                .OrderBy(m => m.Version);
        }

        private static Migration Load(Assembly assembly, string resource, string fileName)
        {
            var separator = fileName.IndexOf('_', StringComparison.Ordinal);
            if (separator != 4 || !int.TryParse(fileName.AsSpan(0, 4), out var version))
            {
                throw new InvalidOperationException($"Migration '{resource}' is not named NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            return new Migration(version, fileName[(separator + 1)..], reader.ReadToEnd());
        }
    }
}
