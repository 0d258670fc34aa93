using NodaTime;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// How often a request's outbox tries again while a message is undelivered (its recipient's node down, say). A
/// minute by default: often enough that a peer back up gets its messages promptly, rarely enough that a long outage
/// costs little. Replaceable, so a test of an outage need not wait a minute.
/// </summary>
/// <param name="Retry">The period of the outbox's reminder.</param>
public sealed record OutboxSchedule(Duration Retry)
{
    public static OutboxSchedule Default { get; } = new(Duration.FromMinutes(1));
}
