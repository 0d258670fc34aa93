using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MlaFlow.Grains;
using MlaFlow.Runtime.Auditing;
using MlaFlow.Runtime.Grains;
using MlaFlow.Runtime.Hosting;
using MlaFlow.Runtime.Reminders;
using MlaFlow.Plugins.Sdk;
using NodaTime;

namespace MlaFlow.Testing;

/// <summary>
/// A node without HTTP: the real runtime, storage and grains in a host of its own. Several may share
/// one <see cref="TestDatabase"/>, as nodes of one deployment share PostgreSQL. Reminders are not
/// polled in the background; a test delivers them with <see cref="RunDueRemindersAsync"/>.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private TestSilo(IHost host) => _host = host;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public GrainRuntime Runtime => _host.Services.GetRequiredService<GrainRuntime>();

    public IServiceProvider Services => _host.Services;

    public static async Task<TestSilo> StartAsync(
        TestDatabase database, IClock clock, string nodeId = "node-a", Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(clock);
        builder.Services.AddMlaFlowRuntime(database.Open(), options =>
        {
            options.NodeId = nodeId;
            options.ReminderPollInterval = TimeSpan.FromDays(1);
            options.CollectionInterval = TimeSpan.FromDays(1);
        });
        builder.Services.AddMlaFlowGrains();
        builder.Services.AddSingleton(ShippedPlugins.Catalog);
        builder.Services.AddSingleton(new ServedAuthorities(new HashSet<AuthorityId> { AuthorityId.Parse("CN-MOJ"), AuthorityId.Parse("TH-OAG") }));
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host);
    }

    public Task<int> RunDueRemindersAsync() => _host.Services.GetRequiredService<ReminderService>().RunDueRemindersAsync();

    /// <summary>
    /// Runs due reminders until none is due: outboxes delivered (a delivery makes the receiving copy's own outbox
    /// due), deadlines and their warnings fired. A handful of rounds settles any one move.
    /// </summary>
    public async Task SettleAsync()
    {
        for (var round = 0; round < 20 && await RunDueRemindersAsync() > 0; round++)
        {
        }
    }

    public Task<AuditVerification> VerifyAuditAsync(string authority) =>
        _host.Services.GetRequiredService<AuditChainVerifier>().VerifyAsync(authority);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
