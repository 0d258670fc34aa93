using Microsoft.Extensions.Time.Testing;

namespace MlaFlow.Testing;

/// <summary>Lets legal time pass in a test and waits for what the node does about it.</summary>
public static class Passing
{
    /// <summary>
    /// Advances <paramref name="time"/> by <paramref name="by"/>, then polls <paramref name="probe"/> until it finds
    /// something, moving the time on by five seconds at each poll: a reminder due in the past is delivered at the next
    /// tick of its period after the time its service last saw, as Orleans delivers ticks a node missed while it was down.
    /// </summary>
    public static Task<T> AdvanceUntilAsync<T>(this FakeTimeProvider time, TimeSpan by, Func<Task<T?>> probe, string what) where T : class
    {
        time.Advance(by);
        return Eventually.FoundAsync(() =>
        {
            time.Advance(TimeSpan.FromSeconds(5));
            return probe();
        }, what);
    }

    /// <summary>As <see cref="AdvanceUntilAsync"/>, the time first moved just past <paramref name="moment"/> (if it is still ahead).</summary>
    public static Task<T> PassUntilAsync<T>(this FakeTimeProvider time, DateTimeOffset moment, Func<Task<T?>> probe, string what) where T : class
    {
        var ahead = moment - time.GetUtcNow() + TimeSpan.FromSeconds(1);
        return time.AdvanceUntilAsync(ahead > TimeSpan.Zero ? ahead : TimeSpan.Zero, probe, what);
    }
}
