using MlaFlow.Plugins.Sdk;
using NodaTime;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// A step of a request's workflow that waits for a person: a task, or a step that failed and needs an officer to retry
/// or route it. <see cref="Id"/> is <c>&lt;request id&gt;.&lt;token&gt;</c>.
/// </summary>
/// <param name="Id">The task's id, for <c>/api/v1/tasks/{id}/…</c>.</param>
/// <param name="RequestId">The request it belongs to.</param>
/// <param name="StepId">The step of the workflow definition.</param>
/// <param name="Title">What to do, as the plugin says it.</param>
/// <param name="Role">Who does it.</param>
/// <param name="State">Waiting, or failed.</param>
/// <param name="Outcomes">The outcomes it may be completed (or, failed, routed) with.</param>
/// <param name="Form">The fields its completion carries.</param>
/// <param name="Since">When the step was entered.</param>
/// <param name="DueAt">When its deadline falls due, if it has one.</param>
/// <param name="Error">Why it failed, for a failed step.</param>
public sealed record OpenTask(
    string Id, string RequestId, string StepId, string Title, string Role, StepState State,
    IReadOnlyList<string> Outcomes, IReadOnlyList<FormField> Form, Instant Since, Instant? DueAt, string? Error)
{
    /// <summary>Splits a task id into its request id and token; false when it is not of that shape.</summary>
    public static bool TryParseId(string id, out string requestId, out int token)
    {
        var dot = id.LastIndexOf('.');
        requestId = dot > 0 ? id[..dot] : "";
        return int.TryParse(id.AsSpan(dot + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out token) && dot > 0;
    }
}
