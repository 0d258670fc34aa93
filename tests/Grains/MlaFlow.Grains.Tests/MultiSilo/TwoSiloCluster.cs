using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Silo.Hosting;
using MlaFlow.Testing;
using Orleans;
using Orleans.Hosting;
using Orleans.Reminders;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace MlaFlow.Grains.Tests.MultiSilo;

/// <summary>
/// Two silos of Orleans' test host (in-memory transport and membership) holding MlaFlow's grains and storage as a node
/// does (<see cref="MlaFlowSiloBuilderExtensions.AddMlaFlow"/>), on one database, serving CN-MOJ and TH-OAG. Shared by
/// the tests of a class; each test makes requests of its own.
/// </summary>
public sealed class TwoSiloCluster : IAsyncLifetime
{
    private readonly List<string> _folders = [];

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public TestDatabase Database { get; private set; } = null!;

    public FakeTimeProvider Time { get; } = TestTime.At(2026, 3, 2);

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(StorageKind.Sqlite);
        var authorities = new HashSet<AuthorityId> { AuthorityId.Parse("CN-MOJ"), AuthorityId.Parse("TH-OAG") };
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.InitializeClientOnDeploy = false;
        builder.ConfigureSilo((_, silo) =>
        {
            var dataPath = Directory.CreateTempSubdirectory("mlaflow-cluster-").FullName;
            _folders.Add(dataPath);
            silo.AddMlaFlow(new NodeSettings(dataPath, authorities, Database.Options(dataPath), dataPath));
            silo.Services.AddSingleton(ShippedPlugins.Catalog);
            silo.Services.AddSingleton(new ServedAuthorities(authorities));
            silo.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, Time);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>Silo <paramref name="index"/>'s address, to place a grain there.</summary>
    public SiloAddress Silo(int index) => Cluster.Silos[index].SiloAddress;

    /// <summary>The grain factory of silo <paramref name="index"/>: calls made as that silo's own code makes them.</summary>
    public IGrainFactory GrainsOf(int index) => Cluster.GetSiloServiceProvider(Silo(index)).GetRequiredService<IGrainFactory>();

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        _folders.ForEach(folder => Directory.Delete(folder, recursive: true));
    }
}
