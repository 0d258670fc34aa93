using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MlaFlow.Runtime.Grains;
using NodaTime;

namespace MlaFlow.Runtime.Hosting;

/// <summary>Deactivates idle activations periodically, and all of them when the node stops.</summary>
internal sealed class ActivationCollector(GrainRuntime runtime, IOptions<RuntimeOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CollectionInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await runtime.CollectIdleAsync(Duration.FromTimeSpan(options.Value.IdleTimeout), stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await runtime.DeactivateAllAsync(cancellationToken);
    }
}
