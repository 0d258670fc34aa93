using System.Net;
using System.Text.Json.Nodes;
using MlaFlow.Grains;
using MlaFlow.Grains.Serialization;
using MlaFlow.Storage;
using NodaTime;
using Orleans.Configuration;
using Orleans.Reminders;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;

namespace MlaFlow.Silo.Hosting;

public static class MlaFlowSiloBuilderExtensions
{
    /// <summary>Orleans' service id for MlaFlow: one per deployment's database, so a constant.</summary>
    public const string ServiceId = "mlaflow";

    /// <summary>
    /// Makes a silo an MlaFlow node: a member of its cluster (<see cref="JoinMlaFlowCluster"/>) holding MlaFlow's grains
    /// and storage (<see cref="AddMlaFlow"/>). The node and its tests alike are built through this.
    /// </summary>
    /// <param name="silo">The silo to configure.</param>
    /// <param name="node">The node's settings: its database, data folder and authorities.</param>
    /// <param name="cluster">The cluster it joins, and its ports.</param>
    /// <param name="membership">Section <c>MlaFlow:Cluster:Membership</c>, over MlaFlow's defaults (<see cref="MembershipDefaults"/>).</param>
    public static ISiloBuilder UseMlaFlow(this ISiloBuilder silo, NodeSettings node, ClusterNodeOptions cluster, IConfiguration membership) =>
        silo.JoinMlaFlowCluster(node, cluster, membership).AddMlaFlow(node);

    /// <summary>
    /// On the embedded store a cluster of one on loopback; on PostgreSQL a member of <paramref name="cluster"/>'s cluster
    /// through MlaFlow's membership table, listening on its advertised address.
    /// </summary>
    public static ISiloBuilder JoinMlaFlowCluster(this ISiloBuilder silo, NodeSettings node, ClusterNodeOptions cluster, IConfiguration membership)
    {
        silo.Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (cluster.Id, ServiceId));
        if (node.Storage.Kind == StorageProvider.Sqlite)
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: ServiceId, clusterId: cluster.Id);
        }
        else
        {
            silo.UseMlaFlowClustering();
            silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedAddress), cluster.SiloPort, cluster.GatewayPort);
        }

        silo.Configure<ClusterMembershipOptions>(MembershipDefaults);
        silo.Services.Configure<ClusterMembershipOptions>(membership);
        return silo;
    }

    /// <summary>
    /// MlaFlow's audited storage and its reminder table on <paramref name="node"/>'s database, domain records carried
    /// between silos as MlaFlow's JSON, legal time, and what the grains need.
    /// </summary>
    public static ISiloBuilder AddMlaFlow(this ISiloBuilder silo, NodeSettings node)
    {
        silo.AddMlaFlowStorage(options => options.Configure(storage =>
        {
            (storage.Provider, storage.ConnectionString, storage.DataPath) = (node.Storage.Provider, node.Storage.ConnectionString, node.DataPath);
            storage.Json = MlaFlowJson.Options;
        }));
        silo.UseMlaFlowReminders();

        // Domain records cross silos as the JSON the API and the store write: no Orleans attributes on them. Within a silo
        // they are shared, not copied (ImmutableRecordCopier). Exceptions that carry data have generated serializers of
        // their own (MlaFlow.Grains.Interfaces).
        silo.Services.AddSingleton<IGeneralizedCopier>(new ImmutableRecordCopier(IsDomainRecord));
        silo.Services.AddSerializer(serializer => serializer.AddJsonSerializer(
            type => IsDomainRecord(type) || IsJsonNode(type), IsJsonNode, options => options.Configure(json => json.SerializerOptions = MlaFlowJson.Options)));
        silo.Configure<ExceptionSerializationOptions>(options => options.SupportedNamespacePrefixes.Add("MlaFlow"));

        // Legal time is the reminders' time, so that deadlines and the instants they are computed from agree.
        silo.Services.AddSingleton<IClock>(sp => new TimeProviderClock(sp.GetRequiredKeyedService<TimeProvider>(ReminderTimeProviderNames.Reminders)));
        silo.Services.AddMlaFlowGrains();
        return silo;
    }

    /// <summary>
    /// MlaFlow's membership timings (README, "Clustering"): a node that stops answering is declared dead after two
    /// probes missed two seconds apart, so its requests move to the others within seconds rather than Orleans' default
    /// half minute; heartbeats are written every ten seconds.
    /// </summary>
    public static void MembershipDefaults(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(2);
        options.NumMissedProbesLimit = 2;
        options.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
    }

    private static bool IsDomainRecord(Type type) =>
        type.Namespace?.StartsWith("MlaFlow.", StringComparison.Ordinal) == true && !typeof(Exception).IsAssignableFrom(type);

    private static bool IsJsonNode(Type type) => typeof(JsonNode).IsAssignableFrom(type);
}
