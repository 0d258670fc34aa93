using System.Globalization;
using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using NodaTime;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;

namespace MlaFlow.Storage.Clustering;

/// <summary>
/// Orleans' membership table on MlaFlow's database (tables <c>cluster_versions</c> and <c>cluster_members</c>,
/// migration 0005): the nodes of one deployment find each other here and Orleans' membership protocol records who is
/// alive. Its one rule of consistency is the table version: every change of a member row also moves the cluster's
/// version from the value the silo read, in one transaction, so of two silos changing the table from the same view
/// only the first succeeds and the other re-reads. Rows are plain columns (address, port, status by name, times as
/// text) that an operator can read with <c>psql</c>.
/// </summary>
internal sealed class MembershipTable(Database database, IOptions<ClusterOptions> cluster, IClock clock) : IMembershipTable
{
    private static readonly JsonSerializerOptions SuspectJson = new(JsonSerializerDefaults.Web);

    private string ClusterId => cluster.Value.ClusterId;

    public async Task InitializeMembershipTableAsync(bool tryInitTableVersion, CancellationToken cancellationToken)
    {
        if (!tryInitTableVersion)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO cluster_versions (cluster_id, version, updated_at) VALUES (@ClusterId, 0, @Now) ON CONFLICT (cluster_id) DO NOTHING",
            new { ClusterId, Now = Now() }, cancellationToken: cancellationToken));
    }

    public async Task DeleteMembershipTableEntriesAsync(string clusterId, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await database.BeginAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            var cluster = new { ClusterId = clusterId };
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM cluster_members WHERE cluster_id = @ClusterId", cluster, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM cluster_versions WHERE cluster_id = @ClusterId", cluster, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public async Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM cluster_members WHERE cluster_id = @ClusterId AND status <> @Active AND i_am_alive_at < @Before",
            new { ClusterId, Active = nameof(SiloStatus.Active), Before = InstantText.Format(Instant.FromDateTimeOffset(beforeDate)) },
            cancellationToken: cancellationToken));
    }

    public Task<MembershipTableData> ReadRowAsync(SiloAddress key, CancellationToken cancellationToken) => ReadAsync(
        " AND m.address = @Address AND m.port = @Port AND m.generation = @Generation",
        new { ClusterId, Address = key.Endpoint.Address.ToString(), key.Endpoint.Port, key.Generation }, cancellationToken);

    public Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken) => ReadAsync("", new { ClusterId }, cancellationToken);

    public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion tableVersion, CancellationToken cancellationToken) => ChangeAsync(tableVersion,
        """
        INSERT INTO cluster_members (cluster_id, address, port, generation, silo_name, host_name, status, proxy_port,
                                     suspect_times, started_at, i_am_alive_at)
        VALUES (@ClusterId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @SuspectTimes, @StartedAt, @IAmAliveAt)
        ON CONFLICT DO NOTHING
        """, Row(entry), cancellationToken);

    // The row's own etag is the table version it was read with (ReadAsync): checking the version checks the row.
    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion tableVersion, CancellationToken cancellationToken) => ChangeAsync(tableVersion,
        """
        UPDATE cluster_members SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_at = @IAmAliveAt
        WHERE cluster_id = @ClusterId AND address = @Address AND port = @Port AND generation = @Generation
        """, Row(entry), cancellationToken);

    // A heartbeat: no version change, as the protocol wants, so it never competes with membership changes.
    public async Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE cluster_members SET i_am_alive_at = @IAmAliveAt
            WHERE cluster_id = @ClusterId AND address = @Address AND port = @Port AND generation = @Generation
            """, Row(entry), cancellationToken: cancellationToken));
    }

    // Orleans 10 calls the methods above; these, which it no longer calls, are still the interface's to implement.
    public Task InitializeMembershipTable(bool tryInitTableVersion) => InitializeMembershipTableAsync(tryInitTableVersion, CancellationToken.None);

    public Task DeleteMembershipTableEntries(string clusterId) => DeleteMembershipTableEntriesAsync(clusterId, CancellationToken.None);

    public Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate) => CleanupDefunctSiloEntriesAsync(beforeDate, CancellationToken.None);

    public Task<MembershipTableData> ReadRow(SiloAddress key) => ReadRowAsync(key, CancellationToken.None);

    public Task<MembershipTableData> ReadAll() => ReadAllAsync(CancellationToken.None);

    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) => InsertRowAsync(entry, tableVersion, CancellationToken.None);

    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) => UpdateRowAsync(entry, etag, tableVersion, CancellationToken.None);

    public Task UpdateIAmAlive(MembershipEntry entry) => UpdateIAmAliveAsync(entry, CancellationToken.None);

    /// <summary>Moves the version on from the one read and makes the member change, both or neither.</summary>
    private async Task<bool> ChangeAsync(TableVersion tableVersion, string memberSql, object member, CancellationToken cancellationToken)
    {
        if (!int.TryParse(tableVersion.VersionEtag, NumberStyles.None, CultureInfo.InvariantCulture, out var read))
        {
            return false;
        }

        var (connection, transaction) = await database.BeginAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            var moved = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE cluster_versions SET version = version + 1, updated_at = @Now WHERE cluster_id = @ClusterId AND version = @Read",
                new { ClusterId, Read = read, Now = Now() }, transaction, cancellationToken: cancellationToken));
            if (moved == 0 || await connection.ExecuteAsync(new CommandDefinition(memberSql, member, transaction, cancellationToken: cancellationToken)) == 0)
            {
                return false; // rolled back on dispose
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }
    }

    // One statement, so the version and the rows come from one snapshot.
    private async Task<MembershipTableData> ReadAsync(string memberFilter, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<StoredMember>(new CommandDefinition(
            $"""
            SELECT v.version AS Version, m.address AS Address, m.port AS Port, m.generation AS Generation, m.silo_name AS SiloName,
                   m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort, m.suspect_times AS SuspectTimes,
                   m.started_at AS StartedAt, m.i_am_alive_at AS IAmAliveAt
            FROM cluster_versions v LEFT JOIN cluster_members m ON m.cluster_id = v.cluster_id{memberFilter}
            WHERE v.cluster_id = @ClusterId
            """, parameters, cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            throw new InvalidOperationException($"Cluster '{ClusterId}' has no membership version row: the membership table was not initialised.");
        }

        var version = new TableVersion((int)rows[0].Version, rows[0].Version.ToString(CultureInfo.InvariantCulture));
        var members = rows.Where(r => r.Address is not null).Select(r => Tuple.Create(r.ToEntry(), version.VersionEtag)).ToList();
        return new MembershipTableData(members, version);
    }

    private object Row(MembershipEntry entry) => new
    {
        ClusterId,
        Address = entry.SiloAddress.Endpoint.Address.ToString(),
        entry.SiloAddress.Endpoint.Port,
        entry.SiloAddress.Generation,
        entry.SiloName,
        entry.HostName,
        Status = entry.Status.ToString(),
        entry.ProxyPort,
        SuspectTimes = entry.SuspectTimes is { Count: > 0 } votes
            ? JsonSerializer.Serialize(votes.Select(v => new SuspectVote(v.Item1.ToParsableString(), Text(v.Item2))), SuspectJson)
            : null,
        StartedAt = Text(entry.StartTime),
        IAmAliveAt = Text(entry.IAmAliveTime),
    };

    private string Now() => InstantText.Format(clock.GetCurrentInstant());

    private static string Text(DateTime utc) => InstantText.Format(Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    private static DateTime Time(string text) => InstantText.Parse(text).ToDateTimeUtc();

    /// <summary>A silo's vote that another is dead: who voted (Orleans' parsable silo address) and when.</summary>
    private sealed record SuspectVote(string Silo, string At);

    // Nullable throughout: the version row comes back alone, its member columns null, while no silo has joined.
    private sealed record StoredMember(
        long Version, string? Address, long? Port, long? Generation, string? SiloName, string? HostName, string? Status, long? ProxyPort,
        string? SuspectTimes, string? StartedAt, string? IAmAliveAt)
    {
        public MembershipEntry ToEntry() => new()
        {
            SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Parse(Address!), (int)Port!.Value), (int)Generation!.Value),
            SiloName = SiloName!,
            HostName = HostName!,
            Status = Enum.Parse<SiloStatus>(Status!),
            ProxyPort = (int)(ProxyPort ?? 0),
            SuspectTimes = SuspectTimes is null ? null
                : [.. JsonSerializer.Deserialize<List<SuspectVote>>(SuspectTimes, SuspectJson)!.Select(v => Tuple.Create(SiloAddress.FromParsableString(v.Silo), Time(v.At)))],
            StartTime = Time(StartedAt!),
            IAmAliveTime = Time(IAmAliveAt!),
        };
    }
}
