namespace MlaFlow.Runtime.Grains;

/// <summary>
/// Base class of grain implementations. The runtime runs one call at a time per activation (a turn),
/// so a grain's fields need no locks. A grain must not await a call to itself: like any
/// non-reentrant actor, that call would wait for the turn it is holding.
/// </summary>
public abstract class Grain(IGrainContext context)
{
    protected IGrainContext Context { get; } = context;

    protected GrainId Id => Context.Id;

    /// <summary>Runs in the first turn of an activation, before any call: load state here.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs when the activation is collected for idleness or the node stops.</summary>
    public virtual Task OnDeactivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
