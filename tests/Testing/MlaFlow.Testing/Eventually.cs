namespace MlaFlow.Testing;

/// <summary>
/// Waits for what nodes do on their own time — reminders delivering outboxes, an outbox retried every two seconds, a
/// file relayed segment by segment — for the outcome, never for a fixed time.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Polls <paramref name="probe"/> until it finds something.</summary>
    /// <exception cref="TimeoutException">Nothing found in time; the message says what was awaited.</exception>
    public static async Task<T> FoundAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        var limit = timeout ?? DefaultTimeout;
        var until = DateTime.UtcNow + limit;
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0} s for {what}.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds.</summary>
    /// <exception cref="TimeoutException">It did not hold in time; the message says what was awaited.</exception>
    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        FoundAsync(() => Task.FromResult(condition() ? what : null), what, timeout);
}
