using System.Net;
using MlaFlow.Testing;
using Orleans;
using Orleans.Runtime;

namespace MlaFlow.Storage.Tests.Clustering;

/// <summary>
/// MlaFlow's membership table as Orleans' membership protocol uses it, on each database: every change of a member moves
/// the cluster's version on from the one read, both or neither, so of two silos changing the table from one view only
/// the first succeeds. (That nodes form one cluster and take over a dead one's grains is tested with real processes:
/// MlaFlow.Silo.Tests, Cluster.)
/// </summary>
public abstract class MembershipTableContract(StorageKind kind) : DatabaseTest(kind)
{
    private StorageNode _node = null!;

    private IMembershipTable Table => _node.Membership;

    protected override async Task StartAsync()
    {
        _node = await StorageNode.StartAsync(Database, Clock);
        await Table.InitializeMembershipTableAsync(tryInitTableVersion: true, default);
    }

    [SkippableFact]
    public async Task a_new_table_holds_its_version_and_no_member()
    {
        var table = await Table.ReadAllAsync(default);

        table.Members.ShouldBeEmpty();
        table.Version.Version.ShouldBe(0);
        await Table.InitializeMembershipTableAsync(tryInitTableVersion: true, default); // a second silo starting does not reset it
        (await Table.ReadAllAsync(default)).Version.ShouldBe(table.Version);
    }

    [SkippableFact]
    public async Task a_member_joins_under_the_next_version_and_reads_back_as_it_was_written()
    {
        var version = (await Table.ReadAllAsync(default)).Version;
        var silo = Member(11111, SiloStatus.Joining);

        (await Table.InsertRowAsync(silo, version.Next(), default)).ShouldBeTrue();

        var table = await Table.ReadAllAsync(default);
        table.Version.Version.ShouldBe(version.Version + 1);
        var (read, etag) = table.Members.ShouldHaveSingleItem();
        read.SiloAddress.ShouldBe(silo.SiloAddress);
        (read.Status, read.SiloName, read.HostName, read.ProxyPort).ShouldBe((SiloStatus.Joining, silo.SiloName, silo.HostName, 30000));
        (read.StartTime, read.IAmAliveTime).ShouldBe((silo.StartTime, silo.IAmAliveTime));
        etag.ShouldBe(table.Version.VersionEtag);
        (await Table.ReadRowAsync(silo.SiloAddress, default)).Members.ShouldHaveSingleItem().Item1.SiloAddress.ShouldBe(silo.SiloAddress);
    }

    [SkippableFact]
    public async Task of_two_silos_changing_the_table_from_one_version_only_the_first_succeeds()
    {
        var version = (await Table.ReadAllAsync(default)).Version;

        (await Table.InsertRowAsync(Member(11111, SiloStatus.Joining), version.Next(), default)).ShouldBeTrue();
        (await Table.InsertRowAsync(Member(11112, SiloStatus.Joining), version.Next(), default)).ShouldBeFalse();

        var table = await Table.ReadAllAsync(default);
        table.Members.Select(m => m.Item1.SiloAddress.Endpoint.Port).ShouldBe([11111]);
        table.Version.Version.ShouldBe(version.Version + 1);
    }

    [SkippableFact]
    public async Task the_same_silo_does_not_join_twice_and_a_refused_change_moves_no_version()
    {
        var silo = Member(11111, SiloStatus.Joining);
        await Table.InsertRowAsync(silo, (await Table.ReadAllAsync(default)).Version.Next(), default);
        var version = (await Table.ReadAllAsync(default)).Version;

        (await Table.InsertRowAsync(silo, version.Next(), default)).ShouldBeFalse();

        (await Table.ReadAllAsync(default)).Version.ShouldBe(version);
    }

    [SkippableFact]
    public async Task a_member_changes_status_and_gathers_suspicions_under_the_next_version()
    {
        var silo = Member(11111, SiloStatus.Joining);
        await Table.InsertRowAsync(silo, (await Table.ReadAllAsync(default)).Version.Next(), default);
        var (read, etag) = (await Table.ReadAllAsync(default)).Members.Single();
        var version = (await Table.ReadAllAsync(default)).Version;
        var voter = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11112), 7);
        read.Status = SiloStatus.Dead;
        read.AddSuspector(voter, new DateTime(2026, 3, 2, 9, 0, 1, DateTimeKind.Utc));

        (await Table.UpdateRowAsync(read, etag, version.Next(), default)).ShouldBeTrue();
        (await Table.UpdateRowAsync(read, etag, version.Next(), default)).ShouldBeFalse(); // that version is gone

        var dead = (await Table.ReadRowAsync(silo.SiloAddress, default)).Members.Single().Item1;
        dead.Status.ShouldBe(SiloStatus.Dead);
        dead.SuspectTimes.ShouldNotBeNull().ShouldHaveSingleItem().ShouldBe(Tuple.Create(voter, new DateTime(2026, 3, 2, 9, 0, 1, DateTimeKind.Utc)));
    }

    [SkippableFact]
    public async Task a_heartbeat_moves_only_the_members_i_am_alive_time()
    {
        var silo = Member(11111, SiloStatus.Active);
        await Table.InsertRowAsync(silo, (await Table.ReadAllAsync(default)).Version.Next(), default);
        var version = (await Table.ReadAllAsync(default)).Version;
        silo.IAmAliveTime = silo.IAmAliveTime.AddSeconds(30);

        await Table.UpdateIAmAliveAsync(silo, default);

        var table = await Table.ReadAllAsync(default);
        table.Members.Single().Item1.IAmAliveTime.ShouldBe(silo.IAmAliveTime);
        table.Version.ShouldBe(version);
    }

    [SkippableFact]
    public async Task defunct_members_are_cleaned_up_and_active_ones_kept()
    {
        var active = Member(11111, SiloStatus.Active);
        var dead = Member(11112, SiloStatus.Dead);
        await Table.InsertRowAsync(active, (await Table.ReadAllAsync(default)).Version.Next(), default);
        await Table.InsertRowAsync(dead, (await Table.ReadAllAsync(default)).Version.Next(), default);

        await Table.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(active.IAmAliveTime.AddMinutes(1)), default);

        (await Table.ReadAllAsync(default)).Members.Select(m => m.Item1.SiloAddress).ShouldBe([active.SiloAddress]);
    }

    [SkippableFact]
    public async Task deleting_a_clusters_entries_leaves_it_to_be_initialised_again()
    {
        await Table.InsertRowAsync(Member(11111, SiloStatus.Active), (await Table.ReadAllAsync(default)).Version.Next(), default);

        await Table.DeleteMembershipTableEntriesAsync("test-cluster", default);

        await Should.ThrowAsync<InvalidOperationException>(() => Table.ReadAllAsync(default));
        await Table.InitializeMembershipTableAsync(tryInitTableVersion: true, default);
        (await Table.ReadAllAsync(default)).Members.ShouldBeEmpty();
    }

    private static MembershipEntry Member(int port, SiloStatus status)
    {
        var started = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 3),
            Status = status,
            ProxyPort = 30000,
            HostName = "node",
            SiloName = $"silo-{port}",
            StartTime = started,
            IAmAliveTime = started,
        };
    }
}
