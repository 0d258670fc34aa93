using Microsoft.Extensions.DependencyInjection;
using MlaFlow.Grains.Authorities;
using MlaFlow.Grains.Requests;
using MlaFlow.Runtime;

namespace MlaFlow.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>Registers MlaFlow's grains with the runtime.</summary>
    public static IServiceCollection AddMlaFlowGrains(this IServiceCollection services) => services
        .AddGrain<IAssistanceRequestGrain, AssistanceRequestGrain>(GrainTypes.Request)
        .AddGrain<IAuthorityGrain, AuthorityGrain>(GrainTypes.Authority);
}
