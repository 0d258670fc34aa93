using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MlaFlow.Grains;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Silo.Hosting;
using MlaFlow.Storage;
using MlaFlow.Storage.Auditing;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Reminders;

namespace MlaFlow.Testing;

/// <summary>
/// A node without HTTP: an Orleans silo configured as the real node is (<see cref="MlaFlowSiloBuilderExtensions.UseMlaFlow"/>),
/// on a <see cref="TestDatabase"/>, serving CN-MOJ and TH-OAG. Several may share one PostgreSQL test database, and then
/// form one cluster through MlaFlow's membership table, as the nodes of a deployment do. Legal time is the test's fake
/// time: reminders (deadlines) fire when the test advances it; outboxes are delivered in real time.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _dataPath;
    private readonly Database _probe;

    private TestSilo(IHost host, string dataPath, Database probe) => (_host, _dataPath, _probe) = (host, dataPath, probe);

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _host.Services;

    /// <param name="database">The node's database.</param>
    /// <param name="time">The test's time, which reminders and the node's clock read.</param>
    /// <param name="name">The silo's name, for several on one database.</param>
    /// <param name="configure">Replaces services after the node's own (the authorities served, say).</param>
    public static async Task<TestSilo> StartAsync(TestDatabase database, FakeTimeProvider time, string name = "node-a", Action<IServiceCollection>? configure = null)
    {
        var dataPath = Directory.CreateTempSubdirectory("mlaflow-silo-").FullName;
        var authorities = new HashSet<AuthorityId> { AuthorityId.Parse("CN-MOJ"), AuthorityId.Parse("TH-OAG") };
        var node = new NodeSettings(dataPath, authorities, database.Options(dataPath), PluginsPath: dataPath);
        var cluster = new ClusterNodeOptions { SiloPort = FreePort.Next(), GatewayPort = 0 };

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo =>
        {
            silo.UseMlaFlow(node, cluster, new ConfigurationBuilder().Build());
            silo.Configure<SiloOptions>(options => options.SiloName = name);
            // Every reminder is scheduled as it is registered, however far ahead: a test advances the time past it at once.
            silo.Configure<ReminderOptions>(options => options.ReminderLoadingWindow = TimeSpan.FromDays(3650));
        });
        builder.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, time);
        builder.Services.AddSingleton(ShippedPlugins.Catalog);
        builder.Services.AddSingleton(new ServedAuthorities(authorities));
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host, dataPath, database.Open());
    }

    /// <summary>
    /// Waits until every outbox is delivered: a move's messages reached the other copy, and what that copy sent in
    /// return reached this one, and so on. A pending message holds its request's <c>outbox</c> reminder, which goes
    /// only after the recipient has taken the message (and registered its own, if it answered).
    /// </summary>
    public Task SettleAsync() => Eventually.FoundAsync(async () =>
    {
        await using var connection = await _probe.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM reminders WHERE name = 'outbox'") == 0 ? "settled" : null;
    }, "every outbox delivered");

    public Task<AuditVerification> VerifyAuditAsync(string authority) =>
        _host.Services.GetRequiredService<AuditChainVerifier>().VerifyAsync(authority);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _probe.DisposeAsync();
        Directory.Delete(_dataPath, recursive: true);
    }
}
