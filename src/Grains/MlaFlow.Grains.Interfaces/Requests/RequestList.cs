namespace MlaFlow.Grains.Requests;

/// <summary>One page of the caller's requests; <see cref="Total"/> counts all that match.</summary>
public sealed record RequestList(IReadOnlyList<RequestSummary> Items, int Page, int PageSize, long Total);
