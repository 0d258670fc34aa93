namespace MlaFlow.Storage;

/// <summary>
/// Who changed what, given with every state change. The store adds the time, the hash of the new state
/// and the link to the previous record of the same authority.
/// </summary>
/// <param name="Authority">The central authority whose audit chain records the change.</param>
/// <param name="Actor">Who acted: a user (<c>officer:CN-MOJ:alice</c>) or the system (<c>system:reminders</c>).</param>
/// <param name="Action">What was done, e.g. <c>request.created</c>.</param>
/// <param name="RequestId">The request concerned, if any.</param>
public sealed record AuditEntry(string Authority, string Actor, string Action, string? RequestId = null);
