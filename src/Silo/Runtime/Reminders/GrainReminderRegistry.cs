using MlaFlow.Runtime.Grains;
using NodaTime;

namespace MlaFlow.Runtime.Reminders;

/// <summary>One grain's view of the reminder table.</summary>
internal sealed class GrainReminderRegistry(GrainId grain, ReminderTable table) : IReminderRegistry
{
    public Task RegisterOrUpdateAsync(string name, Instant dueTime, Duration? period, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > ReminderTable.MaxNameLength)
        {
            throw new ArgumentException($"A reminder name has at most {ReminderTable.MaxNameLength} characters.", nameof(name));
        }

        if (period is { } p && p <= Duration.Zero)
        {
            throw new ArgumentException("A reminder period must be positive; pass null for a reminder that fires once.", nameof(period));
        }

        return table.UpsertAsync(grain, name, dueTime, period, cancellationToken);
    }

    public Task UnregisterAsync(string name, CancellationToken cancellationToken = default) =>
        table.DeleteAsync(grain, name, cancellationToken);
}
