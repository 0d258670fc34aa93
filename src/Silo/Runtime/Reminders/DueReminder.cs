using MlaFlow.Runtime.Grains;
using NodaTime;

namespace MlaFlow.Runtime.Reminders;

/// <summary>A reminder claimed for delivery at <paramref name="DueTime"/>.</summary>
public sealed record DueReminder(GrainId Grain, string Name, Instant DueTime, Duration? Period);
