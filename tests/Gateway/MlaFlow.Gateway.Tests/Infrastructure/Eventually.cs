namespace MlaFlow.Gateway.Tests.Infrastructure;

/// <summary>Waits for what a node does on its own time (reminders deliver outboxes within a poll or two): for the outcome, not for a fixed time.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Polls <paramref name="probe"/> until it finds something.</summary>
    /// <exception cref="TimeoutException">Nothing found within 30 seconds; the message says what was awaited.</exception>
    public static async Task<T> FoundAsync<T>(Func<Task<T?>> probe, string what)
        where T : class
    {
        var until = DateTime.UtcNow + Timeout;
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Waited {Timeout.TotalSeconds} s for {what}.");
            }

            await Task.Delay(200);
        }
    }
}
