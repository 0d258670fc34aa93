using MlaFlow.Runtime.State;
using NodaTime;

namespace MlaFlow.Runtime.Tests.TestGrains;

/// <summary>The due times a <see cref="TickGrain"/> has received, in order of delivery.</summary>
[StateType("test-ticks", 1)]
public sealed record TickState(IReadOnlyList<Instant> Ticks);
