using NodaTime;

namespace MlaFlow.Runtime.Reminders;

/// <summary>
/// Durable reminders of one grain. A reminder is a row in the database, so it survives restarts and
/// fires on whichever node claims it first; due times may be months away.
/// </summary>
public interface IReminderRegistry
{
    /// <summary>Creates or replaces reminder <paramref name="name"/>. A null <paramref name="period"/> fires once.</summary>
    /// <exception cref="ArgumentException">The name is empty or longer than 200 characters, or the period is not positive.</exception>
    Task RegisterOrUpdateAsync(string name, Instant dueTime, Duration? period, CancellationToken cancellationToken = default);

    Task UnregisterAsync(string name, CancellationToken cancellationToken = default);
}
