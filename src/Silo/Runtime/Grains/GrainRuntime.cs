using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlaFlow.Runtime.State;
using NodaTime;

namespace MlaFlow.Runtime.Grains;

/// <summary>
/// The activations of this node: at most one per grain, each running one call at a time (a turn).
/// Several nodes may each hold an activation of the same grain; their writes are kept consistent by
/// the ETag check in storage, not by any coordination between nodes.
/// </summary>
public sealed class GrainRuntime(IServiceProvider services, GrainTypeRegistry registry, IClock clock, ILogger<GrainRuntime> logger)
{
    private readonly ConcurrentDictionary<GrainId, Activation> _activations = new();

    /// <summary>The number of live activations on this node.</summary>
    public int ActivationCount => _activations.Count;

    /// <summary>Runs <paramref name="call"/> on the grain's activation, in its own turn, activating it first if needed.</summary>
    public async Task<TResult> InvokeAsync<TResult>(GrainId id, Func<Grain, Task<TResult>> call, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var activation = _activations.GetOrAdd(id, static key => new Activation(key));
            await activation.Turn.WaitAsync(cancellationToken);
            try
            {
                if (activation.IsDeactivated)
                {
                    continue; // collected while we waited for the turn; the next loop takes a fresh one
                }

                Grain grain;
                if (activation.Grain is { } active)
                {
                    // Another node may have written this grain since our last turn; each turn starts
                    // from the stored state, so reads are never stale and writes rarely conflict.
                    await activation.Context!.RefreshStateAsync(cancellationToken);
                    grain = active;
                }
                else
                {
                    grain = await ActivateAsync(activation, cancellationToken);
                }

                try
                {
                    return await call(grain);
                }
                catch (InconsistentStateException)
                {
                    // The state this activation holds is stale; drop it so the next call reloads.
                    await DeactivateInTurnAsync(activation, CancellationToken.None);
                    throw;
                }
                finally
                {
                    activation.LastUsed = clock.GetCurrentInstant();
                }
            }
            finally
            {
                activation.Turn.Release();
            }
        }
    }

    public Task InvokeAsync(GrainId id, Func<Grain, Task> call, CancellationToken cancellationToken = default) =>
        InvokeAsync(id, async grain =>
        {
            await call(grain);
            return true;
        }, cancellationToken);

    /// <summary>Deactivates every activation that has not been used for <paramref name="idleFor"/>; busy ones are left alone.</summary>
    public async Task<int> CollectIdleAsync(Duration idleFor, CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetCurrentInstant() - idleFor;
        var collected = 0;
        foreach (var activation in _activations.Values.Where(a => a.LastUsed <= cutoff))
        {
            if (!await activation.Turn.WaitAsync(0, cancellationToken))
            {
                continue; // in a call right now, so not idle
            }

            try
            {
                if (!activation.IsDeactivated && activation.LastUsed <= cutoff)
                {
                    await DeactivateInTurnAsync(activation, cancellationToken);
                    collected++;
                }
            }
            finally
            {
                activation.Turn.Release();
            }
        }

        return collected;
    }

    /// <summary>Deactivates everything, waiting for calls in progress to finish; used when the node stops.</summary>
    public async Task DeactivateAllAsync(CancellationToken cancellationToken)
    {
        foreach (var activation in _activations.Values)
        {
            await activation.Turn.WaitAsync(cancellationToken);
            try
            {
                if (!activation.IsDeactivated)
                {
                    await DeactivateInTurnAsync(activation, cancellationToken);
                }
            }
            finally
            {
                activation.Turn.Release();
            }
        }
    }

    private async Task<Grain> ActivateAsync(Activation activation, CancellationToken cancellationToken)
    {
        var registration = registry.ForTypeName(activation.Id.Type);
        var context = ActivatorUtilities.CreateInstance<GrainContext>(services, activation.Id);
        var grain = (Grain)ActivatorUtilities.CreateInstance(services, registration.Implementation, context);
        await grain.OnActivateAsync(cancellationToken);
        (activation.Grain, activation.Context) = (grain, context);
        logger.LogDebug("Activated {Grain}", activation.Id);
        return grain;
    }

    private async Task DeactivateInTurnAsync(Activation activation, CancellationToken cancellationToken)
    {
        activation.IsDeactivated = true;
        _activations.TryRemove(new KeyValuePair<GrainId, Activation>(activation.Id, activation));
        if (activation.Grain is { } grain)
        {
            try
            {
                await grain.OnDeactivateAsync(cancellationToken);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Deactivation of {Grain} failed; its activation is dropped anyway", activation.Id);
            }
        }

        logger.LogDebug("Deactivated {Grain}", activation.Id);
    }
}
