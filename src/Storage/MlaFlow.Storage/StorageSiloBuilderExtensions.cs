using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Storage.Auditing;
using MlaFlow.Storage.Clustering;
using MlaFlow.Storage.Exchange;
using MlaFlow.Storage.Reminders;
using MlaFlow.Storage.State;
using NodaTime;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;

namespace MlaFlow.Storage;

public static class StorageSiloBuilderExtensions
{
    /// <summary>
    /// Adds MlaFlow's storage to a silo: the database <paramref name="configure"/> describes (checked at start by
    /// <see cref="StorageOptionsValidator"/>), its migrations applied before the silo's runtime starts, the audited grain
    /// storage <c>mlaflow</c>, the audit chains, queries across states and the exchange inbox. <see cref="IClock"/> is
    /// the system clock unless the host registered one first.
    /// </summary>
    public static ISiloBuilder AddMlaFlowStorage(this ISiloBuilder silo, Action<OptionsBuilder<StorageOptions>> configure)
    {
        var services = silo.Services;
        configure(services.AddOptions<StorageOptions>());
        services.AddOptions<StorageOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton(sp => DatabaseFactory.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, StorageInitializer>();
        services.AddSingleton<StateSerializer>();
        services.AddSingleton<AuditChain>();
        services.AddSingleton<AuditChainVerifier>();
        services.AddSingleton<IGrainStateQuery, GrainStateQuery>();
        services.AddSingleton<IExchangeInbox, ExchangeInbox>();
        services.AddGrainStorage(StorageNames.MlaFlow, (sp, _) => ActivatorUtilities.CreateInstance<MlaFlowGrainStorage>(sp));
        return silo;
    }

    /// <summary>Orleans reminders (legal deadlines, the outbox's wake-up) kept in MlaFlow's <c>reminders</c> table; needs <see cref="AddMlaFlowStorage"/>.</summary>
    public static ISiloBuilder UseMlaFlowReminders(this ISiloBuilder silo)
    {
        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable, ReminderTable>();
        return silo;
    }

    /// <summary>
    /// Cluster membership in MlaFlow's <c>cluster_*</c> tables, so that every node on one PostgreSQL database joins one
    /// cluster (<c>ClusterOptions.ClusterId</c>); needs <see cref="AddMlaFlowStorage"/>.
    /// </summary>
    public static ISiloBuilder UseMlaFlowClustering(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<IMembershipTable, MembershipTable>();
        return silo;
    }
}
