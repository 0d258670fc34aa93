using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MlaFlow.Storage;

/// <summary>Healthy when the database answers a query on the schema.</summary>
public sealed class StorageHealthCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var migrations = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM schema_migrations", cancellationToken: cancellationToken));
            return HealthCheckResult.Healthy($"{database.Provider}, {migrations} migration(s) applied");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"{database.Provider} does not answer: {e.Message}");
        }
    }
}
