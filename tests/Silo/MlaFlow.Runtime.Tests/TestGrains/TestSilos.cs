using Microsoft.Extensions.DependencyInjection;
using MlaFlow.Testing;
using NodaTime;

namespace MlaFlow.Runtime.Tests.TestGrains;

/// <summary>Starts test nodes that also host the test grains of this project.</summary>
public static class TestSilos
{
    public static Task<TestSilo> StartAsync(TestDatabase database, IClock clock, string nodeId = "node-a") =>
        TestSilo.StartAsync(database, clock, nodeId, services => services
            .AddGrain<ICounterGrain, CounterGrain>(CounterGrain.TypeName)
            .AddGrain<ITickGrain, TickGrain>(TickGrain.TypeName)
            .AddStateUpgrader<CounterStateV1Upgrader>());
}
