using Microsoft.Extensions.Time.Testing;

namespace MlaFlow.Testing;

/// <summary>Fake time as tests start it: a fixed moment, moved only by the test.</summary>
public static class TestTime
{
    /// <summary>Time standing at <paramref name="hour"/>:00 UTC on the given day (2 March 2026, 09:00 for most tests).</summary>
    public static FakeTimeProvider At(int year, int month, int day, int hour = 9) => new(new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.Zero));
}
