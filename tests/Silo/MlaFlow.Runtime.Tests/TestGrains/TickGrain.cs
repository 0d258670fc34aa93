using MlaFlow.Runtime.Auditing;
using MlaFlow.Runtime.Grains;
using MlaFlow.Runtime.Reminders;
using MlaFlow.Runtime.State;
using NodaTime;

namespace MlaFlow.Runtime.Tests.TestGrains;

/// <summary>Records every reminder tick it receives in its persisted state, so tests can count them across nodes.</summary>
public sealed class TickGrain(IGrainContext context) : Grain(context), ITickGrain, IRemindable
{
    public const string TypeName = "test-ticks";
    public const string ReminderName = "tick";

    private readonly IPersistentState<TickState> _state = context.GetState<TickState>();
    private int _failures;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => _state.ReadStateAsync(cancellationToken);

    public Task StartAsync(Instant due, Duration? period) => Context.Reminders.RegisterOrUpdateAsync(ReminderName, due, period);

    public Task StopAsync() => Context.Reminders.UnregisterAsync(ReminderName);

    public Task<IReadOnlyList<Instant>> TicksAsync() => Task.FromResult(_state.State?.Ticks ?? []);

    public Task FailNextAsync(int count)
    {
        _failures = count;
        return Task.CompletedTask;
    }

    public async Task ReceiveReminderAsync(string name, ReminderTick tick)
    {
        if (_failures > 0)
        {
            _failures--;
            throw new InvalidOperationException("Failing on purpose.");
        }

        var ticks = _state.State?.Ticks ?? [];
        await _state.WriteStateAsync(new TickState([.. ticks, tick.DueTime]), new AuditEntry("XX-TEST", "system:reminders", "tick", Id.Key));
    }
}
