using Dapper;

namespace MlaFlow.Storage.State;

/// <summary>Lists states by their queryable columns; the JSON is only parsed for the rows returned.</summary>
public sealed class GrainStateQuery(Database database, StateSerializer serializer) : IGrainStateQuery
{
    public async Task<StatePage<TState>> QueryAsync<TState>(string grainType, StateFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
        where TState : class
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var where = "grain_type = @GrainType AND owner = @Owner"
            + (filter.Status is null ? "" : " AND status = @Status")
            + (filter.Kind is null ? "" : " AND kind = @Kind");
        var parameters = new { GrainType = grainType, filter.Owner, filter.Status, filter.Kind, Take = pageSize, Skip = (page - 1) * (long)pageSize };

        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM grain_state WHERE {where}", parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT state_type AS StateType, state_version AS StateVersion, payload AS Payload FROM grain_state
            WHERE {where} ORDER BY created_at DESC, grain_key DESC LIMIT @Take OFFSET @Skip
            """, parameters, cancellationToken: cancellationToken));
        var items = rows.Select(r => serializer.Deserialize<TState>(r.StateType, r.StateVersion, r.Payload)).ToList();
        return new StatePage<TState>(items, page, pageSize, total);
    }

    public async Task<string?> FindByExternalKeyAsync(string grainType, string owner, string externalKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT grain_key FROM grain_state WHERE grain_type = @GrainType AND owner = @Owner AND external_key = @ExternalKey",
            new { GrainType = grainType, Owner = owner, ExternalKey = externalKey }, cancellationToken: cancellationToken));
    }

    private sealed record Row(string StateType, long StateVersion, string Payload);
}
