namespace MlaFlow.Grains.Requests;

/// <summary>
/// Where a request stands, from the requesting side (DOMAIN.md, "The life of a request"). A new request
/// is a <see cref="Draft"/>; the workflow moves it on.
/// </summary>
public enum RequestStatus
{
    Draft,
    Submitted,
    Acknowledged,
    InProgress,
    Executed,
    PartiallyExecuted,
    Refused,
    Withdrawn,
    Lapsed,
    Closed,
}
