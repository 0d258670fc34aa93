using MlaFlow.Storage;

namespace MlaFlow.Grains.Authorities;

/// <summary>An authority's request counter: the last number given in <paramref name="Year"/>.</summary>
[StateType("authority", 1)]
public sealed record AuthorityState(string Id, int Year, int LastNumber) : IQueryableState
{
    StateColumns IQueryableState.Columns => new(Owner: Id);
}
