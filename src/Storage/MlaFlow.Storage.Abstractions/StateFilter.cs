namespace MlaFlow.Storage;

/// <summary>Which rows a query returns: always one owner's, optionally narrowed by status and kind.</summary>
public sealed record StateFilter(string Owner, string? Status = null, string? Kind = null);
