using MlaFlow.Grains.Exchange;
using MlaFlow.Grains.Requests;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Messaging.Files;
using MlaFlow.Messaging.Keys;
using MlaFlow.Silo.Exchange;
using NodaTime;

namespace MlaFlow.Silo.Hosting;

public static class ExchangeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the node's keys (<see cref="KeyStore"/>, <see cref="PeerDirectory"/>) and, when they allow cross-node
    /// exchange (<see cref="NodeKeys.ExchangeEnabled"/>), the <see cref="EnvelopeSealer"/> and the
    /// <see cref="EnvelopeOpener"/>, which asks the exchange inbox for replays. Without them the exchange endpoint
    /// answers that the node takes no envelopes, and everything else runs as on a node without keys.
    /// </summary>
    public static IServiceCollection AddMlaFlowExchange(this IServiceCollection services, NodeKeys keys, ExchangeSettings settings, string dataPath)
    {
        // From a factory, so the container disposes it, and with it the store's sealing key, when the node stops.
        services.AddSingleton(_ => keys);
        services.AddSingleton(settings);
        services.AddSingleton(new OutboxSchedule(settings.RetryEvery));
        services.AddSingleton(keys.Own);
        services.AddSingleton(keys.Peers);
        services.AddHostedService<ExchangeReport>();
        services.AddHostedService<KeyFolderWatch>();
        // Files are kept encrypted whether or not the node exchanges with others; without an unlocked store, none are taken.
        services.AddSingleton(sp => new EvidenceFileStore(dataPath, sp.GetRequiredService<KeyStore>()));
        if (keys.ExchangeEnabled)
        {
            services.AddSingleton(sp => new EnvelopeSealer(sp.GetRequiredService<KeyStore>(), sp.GetRequiredService<PeerDirectory>(), sp.GetRequiredService<IClock>()));
            services.AddSingleton(sp => new EnvelopeOpener(
                sp.GetRequiredService<KeyStore>(), sp.GetRequiredService<PeerDirectory>(), sp.GetRequiredService<IExchangeInbox>(), sp.GetRequiredService<IClock>(), settings.Window));

            // Replaces the grains' default exchange, which reaches no other node.
            services.AddSingleton(_ => ExchangeHttpClient.Create());
            services.AddSingleton<PeerRequests>();
            services.AddSingleton<IRemoteExchange, HttpRemoteExchange>();
        }

        return services;
    }
}
