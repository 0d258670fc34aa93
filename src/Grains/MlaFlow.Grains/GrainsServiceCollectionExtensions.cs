using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MlaFlow.Grains.Exchange;
using MlaFlow.Grains.Requests;
using MlaFlow.Storage;

namespace MlaFlow.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>
    /// Adds what MlaFlow's grains need beside the silo: the outbox's sender and schedule, the upgrader of requests stored
    /// before version 2 and — unless the host has one — an exchange that reaches no other node, so a node without keys
    /// delivers only between the authorities it serves. Orleans finds the grain classes themselves.
    /// </summary>
    public static IServiceCollection AddMlaFlowGrains(this IServiceCollection services)
    {
        services.TryAddSingleton<IRemoteExchange, NoRemoteExchange>();
        services.TryAddSingleton(OutboxSchedule.Default);
        services.TryAddSingleton<OutboxSender>();
        services.AddSingleton<IStateUpgrader, RequestRecordUpgrader>();
        services.AddSingleton<IStateUpgrader, ReceivedMessagesUpgrader>();
        return services;
    }
}
