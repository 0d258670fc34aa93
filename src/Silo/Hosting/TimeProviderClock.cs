using NodaTime;

namespace MlaFlow.Silo.Hosting;

/// <summary>
/// NodaTime's <see cref="IClock"/> over the node's <see cref="TimeProvider"/>: the workflow engine, storage and keys tell
/// time as instants, Orleans' reminders by the time provider, and one source serves both — in a test, a fake one.
/// </summary>
public sealed class TimeProviderClock(TimeProvider time) : IClock
{
    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(time.GetUtcNow());
}
