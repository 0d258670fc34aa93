using MlaFlow.Runtime.Tests.TestGrains;
using MlaFlow.Testing;
using NodaTime;

namespace MlaFlow.Runtime.Tests.Grains;

/// <summary>Activations and turns: behaviour of one node, on the embedded store.</summary>
public sealed class GrainRuntimeTests() : TestGrainSiloTest(StorageKind.Sqlite)
{
    [Fact]
    public async Task calls_to_one_grain_run_one_at_a_time()
    {
        var grain = Silo.Grains.GetGrain<ICounterGrain>("turns");

        var inside = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => grain.BusyAsync(TimeSpan.FromMilliseconds(5))));

        inside.ShouldAllBe(count => count == 1);
    }

    [Fact]
    public async Task a_key_has_one_activation_however_many_callers()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Silo.Grains.GetGrain<ICounterGrain>("single").ActivationIdAsync()));

        ids.Distinct().Count().ShouldBe(1);
        Silo.Runtime.ActivationCount.ShouldBe(1);
    }

    [Fact]
    public async Task an_idle_activation_is_deactivated_and_reloads_its_state_on_the_next_call()
    {
        var grain = Silo.Grains.GetGrain<ICounterGrain>("idle");
        await grain.AddAsync("before");
        var firstActivation = await grain.ActivationIdAsync();

        Clock.Advance(Duration.FromMinutes(16));
        (await Silo.Runtime.CollectIdleAsync(Duration.FromMinutes(15))).ShouldBe(1);

        Silo.Runtime.ActivationCount.ShouldBe(0);
        (await grain.ActivationIdAsync()).ShouldNotBe(firstActivation);
        (await grain.GetAsync())!.Items.ShouldBe(["before"]);
    }

    [Fact]
    public async Task a_recently_used_activation_is_not_collected()
    {
        var grain = Silo.Grains.GetGrain<ICounterGrain>("busy");
        var activation = await grain.ActivationIdAsync();

        Clock.Advance(Duration.FromMinutes(5));

        (await Silo.Runtime.CollectIdleAsync(Duration.FromMinutes(15))).ShouldBe(0);
        (await grain.ActivationIdAsync()).ShouldBe(activation);
    }

    [Fact]
    public async Task a_write_made_on_another_node_is_seen_by_the_next_call_here()
    {
        await using var other = await TestSilos.StartAsync(Database, Clock, "node-b");
        var here = Silo.Grains.GetGrain<ICounterGrain>("shared");
        await here.AddAsync("first");

        await other.Grains.GetGrain<ICounterGrain>("shared").AddAsync("second");

        (await here.GetAsync())!.Items.ShouldBe(["first", "second"]);
    }

    [Fact]
    public async Task an_activation_that_lost_a_write_race_is_replaced_and_the_retry_succeeds()
    {
        await using var other = await TestSilos.StartAsync(Database, Clock, "node-b");
        var here = Silo.Grains.GetGrain<ICounterGrain>("race");
        await here.AddAsync("first");
        var activation = await here.ActivationIdAsync();

        var stateRead = new TaskCompletionSource();
        var proceed = new TaskCompletionSource();
        var slow = here.AddAsync("slow", stateRead, proceed.Task);
        await stateRead.Task;
        await other.Grains.GetGrain<ICounterGrain>("race").AddAsync("fast");
        proceed.SetResult();

        await Should.ThrowAsync<MlaFlow.Runtime.State.InconsistentStateException>(() => slow);
        (await here.ActivationIdAsync()).ShouldNotBe(activation);
        (await here.AddAsync("retried")).ShouldBe(3);
        (await here.GetAsync())!.Items.ShouldBe(["first", "fast", "retried"]);
    }
}
