namespace MlaFlow.Storage;

/// <summary>Reads states by their queryable columns, across grains of one type.</summary>
public interface IGrainStateQuery
{
    /// <summary>One page (1-based) of the states of <paramref name="grainType"/> that match, newest first.</summary>
    Task<StatePage<TState>> QueryAsync<TState>(string grainType, StateFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
        where TState : class;

    /// <summary>The key of the grain whose state has this owner and external key, if any.</summary>
    Task<string?> FindByExternalKeyAsync(string grainType, string owner, string externalKey, CancellationToken cancellationToken = default);
}
