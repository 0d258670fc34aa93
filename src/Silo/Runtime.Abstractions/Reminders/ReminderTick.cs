using NodaTime;

namespace MlaFlow.Runtime.Reminders;

/// <summary>One firing of a reminder: the due time it fires for (not the time it was delivered).</summary>
public sealed record ReminderTick(Instant DueTime, Duration? Period);
