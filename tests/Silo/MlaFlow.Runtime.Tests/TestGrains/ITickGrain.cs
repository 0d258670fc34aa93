using MlaFlow.Runtime.Grains;
using NodaTime;

namespace MlaFlow.Runtime.Tests.TestGrains;

public interface ITickGrain : IGrainWithStringKey
{
    Task StartAsync(Instant due, Duration? period);

    Task StopAsync();

    Task<IReadOnlyList<Instant>> TicksAsync();

    /// <summary>Makes the next <paramref name="count"/> deliveries throw.</summary>
    Task FailNextAsync(int count);
}
