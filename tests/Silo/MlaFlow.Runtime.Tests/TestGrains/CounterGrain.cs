using MlaFlow.Runtime.Auditing;
using MlaFlow.Runtime.Grains;
using MlaFlow.Runtime.State;

namespace MlaFlow.Runtime.Tests.TestGrains;

public sealed class CounterGrain(IGrainContext context) : Grain(context), ICounterGrain
{
    public const string TypeName = "test-counter";
    public const string Owner = "XX-TEST";

    private readonly IPersistentState<CounterState> _state = context.GetState<CounterState>();
    private readonly Guid _activationId = Guid.NewGuid();
    private int _inside;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => _state.ReadStateAsync(cancellationToken);

    public async Task<int> AddAsync(string item, TaskCompletionSource? stateRead = null, Task? proceed = null)
    {
        var current = _state.State ?? new CounterState(Owner, 0, []);
        stateRead?.SetResult();
        await (proceed ?? Task.CompletedTask);
        var next = current with { Count = current.Count + 1, Items = [.. current.Items, item] };
        await _state.WriteStateAsync(next, new AuditEntry(Owner, "test", "counter.added", Id.Key));
        return next.Count;
    }

    public Task<CounterState?> GetAsync() => Task.FromResult(_state.State);

    public async Task<int> BusyAsync(TimeSpan delay)
    {
        var inside = Interlocked.Increment(ref _inside);
        await Task.Delay(delay);
        Interlocked.Decrement(ref _inside);
        return inside;
    }

    public Task<Guid> ActivationIdAsync() => Task.FromResult(_activationId);
}
