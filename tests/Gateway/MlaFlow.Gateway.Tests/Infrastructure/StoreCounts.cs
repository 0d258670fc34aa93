using System.Data.Common;
using MlaFlow.Storage;

namespace MlaFlow.Gateway.Tests.Infrastructure;

/// <summary>
/// How many rows the node's tables hold, read straight from the test's database as an auditor would.
/// Two equal counts around a call mean the call wrote nothing.
/// </summary>
internal sealed record StoreCounts(long Requests, long GrainStates, long AuditRecords)
{
    public static async Task<StoreCounts> ReadAsync(Database database)
    {
        await using var connection = await database.OpenAsync();
        return new StoreCounts(
            await CountAsync(connection, "SELECT COUNT(*) FROM grain_state WHERE grain_type = 'request'"),
            await CountAsync(connection, "SELECT COUNT(*) FROM grain_state"),
            await CountAsync(connection, "SELECT COUNT(*) FROM audit_log"));
    }

    private static async Task<long> CountAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
