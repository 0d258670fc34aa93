using System.Text.Json.Nodes;
using MlaFlow.Workflows.Calendars;
using NodaTime;

namespace MlaFlow.Workflows.Execution;

/// <summary>What one engine operation runs with: the time, who acts, the facts conditions read, the responsible state's calendar, and the outbox.</summary>
public sealed record WorkflowContext(Instant Now, string Actor, JsonObject Facts, BusinessCalendar Calendar, IWorkflowOutbox Outbox);
