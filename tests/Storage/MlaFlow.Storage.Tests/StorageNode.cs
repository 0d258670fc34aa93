using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlaFlow.Grains.Serialization;
using MlaFlow.Silo.Hosting;
using MlaFlow.Storage.Auditing;
using MlaFlow.Storage.Clustering;
using MlaFlow.Storage.Reminders;
using MlaFlow.Storage.State;
using MlaFlow.Storage.Tests.States;
using MlaFlow.Testing;
using NodaTime;
using Orleans.Configuration;

namespace MlaFlow.Storage.Tests;

/// <summary>
/// MlaFlow's storage as a node's silo holds it — the providers Orleans calls, on a migrated test database — without
/// the silo: each test calls the providers as Orleans would, and reads the tables as an auditor would.
/// </summary>
internal sealed class StorageNode
{
    private StorageNode(Database database, IClock clock)
    {
        Database = database;
        var options = Options.Create(new StorageOptions { Json = MlaFlowJson.Options });
        Serializer = new StateSerializer([new CounterStateV1Upgrader()], options);
        Audit = new AuditChain(clock);
        Grains = new MlaFlowGrainStorage(database, Serializer, Audit, clock);
        Query = new GrainStateQuery(database, Serializer);
        Reminders = new ReminderTable(database);
        Membership = new MembershipTable(database, Options.Create(new ClusterOptions { ClusterId = "test-cluster" }), clock);
        Verifier = new AuditChainVerifier(database);
    }

    public Database Database { get; }

    public StateSerializer Serializer { get; }

    public AuditChain Audit { get; }

    public MlaFlowGrainStorage Grains { get; }

    public GrainStateQuery Query { get; }

    public ReminderTable Reminders { get; }

    public MembershipTable Membership { get; }

    public AuditChainVerifier Verifier { get; }

    /// <summary>Migrates <paramref name="database"/> as a starting silo does and opens the providers on it.</summary>
    public static async Task<StorageNode> StartAsync(TestDatabase database, IClock clock)
    {
        var opened = database.Open();
        await new MigrationRunner(opened, clock, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        return new StorageNode(opened, clock);
    }

    public static Task<StorageNode> StartAsync(TestDatabase database) => StartAsync(database, new TimeProviderClock(TimeProvider.System));
}
