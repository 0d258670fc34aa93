namespace MlaFlow.Storage;

/// <summary>One page of a query and the number of rows that match in all.</summary>
public sealed record StatePage<TState>(IReadOnlyList<TState> Items, int Page, int PageSize, long Total);
