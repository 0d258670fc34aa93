using MlaFlow.Runtime.Reminders;
using MlaFlow.Runtime.State;
using MlaFlow.Runtime.Storage;

namespace MlaFlow.Runtime.Grains;

/// <summary>What one activation is given by the runtime.</summary>
internal sealed class GrainContext(GrainId id, IGrainFactory grainFactory, GrainStateStore store, ReminderTable reminders) : IGrainContext
{
    private object? _state;

    public GrainId Id { get; } = id;

    public IGrainFactory GrainFactory { get; } = grainFactory;

    public IReminderRegistry Reminders { get; } = new GrainReminderRegistry(id, reminders);

    public IPersistentState<TState> GetState<TState>() where TState : class =>
        (IPersistentState<TState>)(_state ??= new PersistentState<TState>(Id, store));

    /// <summary>Reloads the state if another activation (on another node) has written it since this one read it.</summary>
    public Task RefreshStateAsync(CancellationToken cancellationToken) =>
        _state is IRefreshableState state ? state.RefreshIfChangedAsync(cancellationToken) : Task.CompletedTask;
}
