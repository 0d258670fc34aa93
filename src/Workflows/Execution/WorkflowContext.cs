using System.Text.Json.Nodes;
using MlaFlow.Plugins.Sdk.Extensions;
using MlaFlow.Workflows.Calendars;
using NodaTime;

namespace MlaFlow.Workflows.Execution;

/// <summary>
/// What one engine operation runs with: the time, who acts, the facts conditions read, the responsible state's
/// calendar, the outbox, and the custom step handlers of the responsible state's plugin.
/// </summary>
/// <param name="Now">The time of the operation: steps entered, history written and deadlines counted from it.</param>
/// <param name="Actor">Who acts, as the history records it (<c>officer:TH-OAG:…</c>, <c>system:workflow</c>).</param>
/// <param name="Facts">The request's facts (<c>request</c>, <c>plugin</c>); the engine adds <c>form</c> and never changes this object.</param>
/// <param name="Calendar">The responsible state's zone and working days, which deadlines are counted in.</param>
/// <param name="Outbox">Where send steps put their messages.</param>
/// <param name="CustomSteps">
/// The plugin's <c>ICustomStep</c> handlers by <c>Name</c>; null when it provides none. A custom step whose handler is
/// not here is faulted, not skipped: an officer retries it once the plugin is fixed, or routes the request.
/// </param>
public sealed record WorkflowContext(
    Instant Now,
    string Actor,
    JsonObject Facts,
    BusinessCalendar Calendar,
    IWorkflowOutbox Outbox,
    IReadOnlyDictionary<string, ICustomStep>? CustomSteps = null);
