using MlaFlow.Runtime.Grains;

namespace MlaFlow.Runtime.Tests.TestGrains;

public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>
    /// Appends <paramref name="item"/> and persists; returns the new count. A test can hold the call
    /// between reading and writing: it is told when the state was read, and the write waits for <paramref name="proceed"/>.
    /// (Tasks can be passed because test nodes run in the test's own process.)
    /// </summary>
    Task<int> AddAsync(string item, TaskCompletionSource? stateRead = null, Task? proceed = null);

    Task<CounterState?> GetAsync();

    /// <summary>Holds the turn for <paramref name="delay"/> and reports how many calls were inside the grain at once.</summary>
    Task<int> BusyAsync(TimeSpan delay);

    /// <summary>An id of this activation: equal across calls as long as the activation lives.</summary>
    Task<Guid> ActivationIdAsync();
}
