using MlaFlow.Runtime.Reminders;
using MlaFlow.Runtime.State;

namespace MlaFlow.Runtime.Grains;

/// <summary>What the runtime gives one activation: its identity, its state and its reminders.</summary>
public interface IGrainContext
{
    GrainId Id { get; }

    IGrainFactory GrainFactory { get; }

    IReminderRegistry Reminders { get; }

    /// <summary>The persistent state of this grain. A grain has one state; its type carries <see cref="StateTypeAttribute"/>.</summary>
    IPersistentState<TState> GetState<TState>() where TState : class;
}
