using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MlaFlow.Grains.Exchange;
using MlaFlow.Grains.Authorities;
using MlaFlow.Grains.Requests;
using MlaFlow.Runtime;

namespace MlaFlow.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>
    /// Registers MlaFlow's grains with the runtime, and — unless the host has one — an exchange that reaches no other
    /// node, so a node without keys delivers only between the authorities it serves.
    /// </summary>
    public static IServiceCollection AddMlaFlowGrains(this IServiceCollection services)
    {
        services.TryAddSingleton<IRemoteExchange, NoRemoteExchange>();
        services.TryAddSingleton(OutboxSchedule.Default);
        services.TryAddSingleton<OutboxSender>();
        return services
            .AddGrain<IAssistanceRequestGrain, AssistanceRequestGrain>(GrainTypes.Request)
            .AddGrain<IAuthorityGrain, AuthorityGrain>(GrainTypes.Authority);
    }
}
