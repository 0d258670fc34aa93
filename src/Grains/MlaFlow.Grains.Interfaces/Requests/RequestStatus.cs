namespace MlaFlow.Grains.Requests;

/// <summary>
/// Where a request stands, from the requesting side (DOMAIN.md, "The life of a request"). A new request
/// is <see cref="InProgress"/> while its workflow runs (a <see cref="Draft"/> when no workflow
/// applies), and takes the status its workflow ends with.
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
    Surrendered,
    Released,
    Postponed,
    Closed,
}
