namespace MlaFlow.Storage.Tests.States;

/// <summary>
/// Version 2 of a test state. Version 1 stored <c>{ "owner", "total" }</c>; version 2 renamed
/// <c>total</c> to <c>count</c> and added <c>items</c> (see <see cref="CounterStateV1Upgrader"/>).
/// </summary>
[StateType("test-counter", 2)]
public sealed record CounterState(string Owner, int Count, IReadOnlyList<string> Items, string Status = "open") : IQueryableState
{
    /// <summary>The authority test states belong to.</summary>
    public const string Authority = "XX-TEST";

    public StateColumns Columns => new(Owner, Kind: Count % 2 == 0 ? "even" : "odd", Status: Status);
}
