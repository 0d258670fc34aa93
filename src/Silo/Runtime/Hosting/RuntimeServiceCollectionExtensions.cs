using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Runtime.Auditing;
using MlaFlow.Runtime.Exchange;
using MlaFlow.Runtime.Grains;
using MlaFlow.Runtime.Reminders;
using MlaFlow.Runtime.State;
using MlaFlow.Runtime.Storage;
using NodaTime;

namespace MlaFlow.Runtime.Hosting;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grain runtime on <paramref name="database"/>: migrations at start, activations, state,
    /// reminders, the audit chain and the exchange inbox. <see cref="IClock"/> is the system clock unless one is registered first.
    /// </summary>
    public static IServiceCollection AddMlaFlowRuntime(this IServiceCollection services, Database database, Action<RuntimeOptions>? configure = null)
    {
        var options = services.AddOptions<RuntimeOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.IdleTimeout > TimeSpan.Zero && o.CollectionInterval > TimeSpan.Zero
                && o.ReminderPollInterval > TimeSpan.Zero && o.ReminderLease > TimeSpan.Zero && !string.IsNullOrWhiteSpace(o.NodeId),
                "MlaFlow:Runtime intervals must be positive and NodeId must not be empty.")
            .ValidateOnStart();

        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton(_ => database); // made by a factory, so the container disposes it
        services.AddSingleton<MigrationRunner>();
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton<StateSerializer>();
        services.AddSingleton<AuditChain>();
        services.AddSingleton<AuditChainVerifier>();
        services.AddSingleton<GrainStateStore>();
        services.AddSingleton<IGrainStateQuery, GrainStateQuery>();
        services.AddSingleton<ReminderTable>();
        services.AddSingleton<GrainTypeRegistry>();
        services.AddSingleton<GrainRuntime>();
        services.AddSingleton<IGrainFactory, GrainFactory>();
        services.AddHostedService<ActivationCollector>();
        services.AddSingleton<IExchangeInbox, ExchangeInbox>();
        services.AddSingleton<ReminderService>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderService>());
        return services;
    }
}
