using NodaTime;

namespace MlaFlow.Testing;

/// <summary>A clock that moves only when a test says so.</summary>
public sealed class FakeClock(Instant start) : IClock
{
    private readonly Lock _gate = new();
    private Instant _now = start;

    public static FakeClock At(int year, int month, int day, int hour = 9) => new(Instant.FromUtc(year, month, day, hour, 0));

    public Instant GetCurrentInstant()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(Duration by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }
}
