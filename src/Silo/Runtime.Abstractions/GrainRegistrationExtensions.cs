using Microsoft.Extensions.DependencyInjection;
using MlaFlow.Runtime.Grains;
using MlaFlow.Runtime.State;

namespace MlaFlow.Runtime;

/// <summary>Explicit registration of grain types and state upgraders: the runtime scans no assemblies.</summary>
public static class GrainRegistrationExtensions
{
    /// <summary>Registers grain type <paramref name="typeName"/>: calls to <typeparamref name="TInterface"/> run on <typeparamref name="TGrain"/>.</summary>
    public static IServiceCollection AddGrain<TInterface, TGrain>(this IServiceCollection services, string typeName)
        where TInterface : IGrainWithStringKey
        where TGrain : Grain, TInterface =>
        services.AddSingleton(new GrainRegistration(typeName, typeof(TInterface), typeof(TGrain)));

    /// <summary>Registers an upgrader for stored state written by an older format version.</summary>
    public static IServiceCollection AddStateUpgrader<TUpgrader>(this IServiceCollection services)
        where TUpgrader : class, IStateUpgrader =>
        services.AddSingleton<IStateUpgrader, TUpgrader>();
}
