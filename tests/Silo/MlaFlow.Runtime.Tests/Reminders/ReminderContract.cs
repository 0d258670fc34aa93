using MlaFlow.Runtime.Tests.TestGrains;
using MlaFlow.Testing;
using NodaTime;

namespace MlaFlow.Runtime.Tests.Reminders;

/// <summary>Durable reminders, on each database.</summary>
public abstract class ReminderContract(StorageKind kind) : DatabaseTest(kind)
{
    [SkippableFact]
    public async Task a_reminder_due_months_ahead_fires_then_and_not_before()
    {
        await using var silo = await TestSilos.StartAsync(Database, Clock);
        var grain = silo.Grains.GetGrain<ITickGrain>("far");
        var due = Clock.GetCurrentInstant() + Duration.FromDays(200);
        await grain.StartAsync(due, period: null);

        Clock.Advance(Duration.FromDays(199));
        (await silo.RunDueRemindersAsync()).ShouldBe(0);
        Clock.Advance(Duration.FromDays(1));
        (await silo.RunDueRemindersAsync()).ShouldBe(1);
        Clock.Advance(Duration.FromDays(1));
        (await silo.RunDueRemindersAsync()).ShouldBe(0);

        (await grain.TicksAsync()).ShouldBe([due]);
    }

    [SkippableFact]
    public async Task a_reminder_survives_a_restart_of_the_node()
    {
        var due = Clock.GetCurrentInstant() + Duration.FromHours(1);
        await using (var before = await TestSilos.StartAsync(Database, Clock))
        {
            await before.Grains.GetGrain<ITickGrain>("restart").StartAsync(due, period: null);
        }

        Clock.Advance(Duration.FromHours(2));
        await using var after = await TestSilos.StartAsync(Database, Clock, "node-after-restart");

        (await after.RunDueRemindersAsync()).ShouldBe(1);
        (await after.Grains.GetGrain<ITickGrain>("restart").TicksAsync()).ShouldBe([due]);
    }

    [SkippableFact]
    public async Task periods_missed_while_no_node_ran_fire_once_not_once_each()
    {
        await using var silo = await TestSilos.StartAsync(Database, Clock);
        var grain = silo.Grains.GetGrain<ITickGrain>("missed");
        var start = Clock.GetCurrentInstant() + Duration.FromMinutes(10);
        await grain.StartAsync(start, Duration.FromHours(1));

        Clock.Advance(Duration.FromHours(5));
        await silo.RunDueRemindersAsync();
        Clock.Advance(Duration.FromHours(1));
        await silo.RunDueRemindersAsync();

        (await grain.TicksAsync()).ShouldBe([start, start + Duration.FromHours(5)]);
    }

    [SkippableFact]
    public async Task a_failed_delivery_is_retried_later_and_not_lost()
    {
        await using var silo = await TestSilos.StartAsync(Database, Clock);
        var grain = silo.Grains.GetGrain<ITickGrain>("flaky");
        var due = Clock.GetCurrentInstant() + Duration.FromMinutes(1);
        await grain.StartAsync(due, period: null);
        await grain.FailNextAsync(1);

        Clock.Advance(Duration.FromMinutes(2));
        (await silo.RunDueRemindersAsync()).ShouldBe(0);
        (await silo.RunDueRemindersAsync()).ShouldBe(0); // not before the retry delay
        Clock.Advance(Duration.FromMinutes(1));
        (await silo.RunDueRemindersAsync()).ShouldBe(1);

        (await grain.TicksAsync()).ShouldBe([due]);
    }

    [SkippableFact]
    public async Task an_unregistered_reminder_does_not_fire()
    {
        await using var silo = await TestSilos.StartAsync(Database, Clock);
        var grain = silo.Grains.GetGrain<ITickGrain>("cancelled");
        await grain.StartAsync(Clock.GetCurrentInstant() + Duration.FromMinutes(1), Duration.FromMinutes(1));
        await grain.StopAsync();

        Clock.Advance(Duration.FromMinutes(5));

        (await silo.RunDueRemindersAsync()).ShouldBe(0);
        (await grain.TicksAsync()).ShouldBeEmpty();
    }
}
