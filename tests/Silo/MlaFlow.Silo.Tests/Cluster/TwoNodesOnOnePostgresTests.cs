using System.Diagnostics;
using System.Net;
using MlaFlow.Silo.Tests.Api;
using MlaFlow.Silo.Tests.CrashSafety;
using MlaFlow.Silo.Tests.Processes;
using MlaFlow.Testing;
using Xunit.Abstractions;

namespace MlaFlow.Silo.Tests.Cluster;

/// <summary>
/// Two <c>MlaFlow.Silo</c> processes on one PostgreSQL database form one Orleans cluster (MlaFlow's membership table):
/// each request has one activation whichever node is called, and when one node is killed the other takes its requests
/// over — with the membership timings of README, "Clustering", within seconds.
/// </summary>
public sealed class TwoNodesOnOnePostgresTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Authority = "CN-MOJ";

    /// <summary>How long a test waits for the survivor; README documents what was measured (a few seconds).</summary>
    private static readonly TimeSpan TakeOverBound = TimeSpan.FromSeconds(60);

    private IReadOnlyList<NodeStore> _stores = [];
    private readonly List<NodeProcess> _nodes = [];
    private readonly List<RequestsClient> _clients = [];

    public async Task InitializeAsync()
    {
        _stores = await NodeStore.CreateClusterAsync(2);
        var token = await SiloCli.TokenAsync(_stores[0], Authority, "officer");
        foreach (var store in _stores)
        {
            var node = await NodeProcess.StartAsync(store);
            _nodes.Add(node);
            _clients.Add(new RequestsClient(node.Address, token));
        }
    }

    public async Task DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        foreach (var store in _stores.Reverse())
        {
            await store.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task concurrent_notes_on_the_same_requests_through_both_nodes_are_all_kept()
    {
        var requests = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var created = await _clients[i % 2].CreateAsync(SampleRequests.EvidenceMarked($"[notes {i}]"), $"notes-{i}");
            created.Status.ShouldBe(HttpStatusCode.Created, created.ToString());
            requests.Add(created.Id);
        }

        var notes = Enumerable.Range(1, 60).Select(i => (Request: requests[i % 3], Text: $"note {i}")).ToList();
        var answers = await Task.WhenAll(notes.Select((note, i) => Task.Run(() => _clients[i % 2].AddNoteAsync(note.Request, note.Text))));

        answers.ShouldAllBe(a => a.Status == HttpStatusCode.OK);
        foreach (var id in requests)
        {
            var read = await _clients[1].GetAsync(id);
            var kept = read.Json.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("what").GetString()!).Where(w => w.StartsWith("note: ", StringComparison.Ordinal)).ToList();
            kept.Order().ShouldBe(notes.Where(n => n.Request == id).Select(n => $"note: {n.Text}").Order());
        }

        var verify = await SiloCli.RunAsync(_stores[1].Environment, "audit", "verify", "--authority", Authority);
        verify.ExitCode.ShouldBe(0, verify.ToString());
        verify.OutputLines.ShouldBe([$"{Authority}: {requests.Count * 2 + notes.Count} record(s), chain intact"], verify.ToString());
    }

    [SkippableFact]
    public async Task the_survivor_serves_every_request_of_a_killed_node_within_seconds()
    {
        var requests = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var created = await _clients[i % 2].CreateAsync(SampleRequests.EvidenceMarked($"[failover {i}]"), $"failover-{i}");
            created.Status.ShouldBe(HttpStatusCode.Created, created.ToString());
            requests.Add(created.Id);
        }

        foreach (var id in requests)
        {
            (await _clients[1].GetAsync(id)).Status.ShouldBe(HttpStatusCode.OK);
        }

        var killed = Stopwatch.StartNew();
        await _nodes[0].KillAsync();
        var servedAfter = new Dictionary<string, TimeSpan>();
        while (servedAfter.Count < requests.Count && killed.Elapsed < TakeOverBound)
        {
            foreach (var id in requests.Where(r => !servedAfter.ContainsKey(r)))
            {
                if (await ServedAsync(_clients[1], id))
                {
                    servedAfter[id] = killed.Elapsed;
                }
            }
        }

        requests.Where(r => !servedAfter.ContainsKey(r)).ShouldBeEmpty($"served by the survivor within {TakeOverBound.TotalSeconds:0} s of the kill");
        output.WriteLine($"every request served by the survivor {servedAfter.Values.Max().TotalSeconds:0.0} s after the kill at the latest");
    }

    [SkippableFact]
    public async Task a_thousand_submissions_through_two_nodes_one_of_them_killed_midway_are_each_kept_exactly_once()
    {
        var submitter = new RetryingSubmitter(_clients, lanes: 40, postsPerLane: 25);
        var posting = submitter.RunAsync();
        await submitter.WaitForAcknowledgementsAsync(300, TimeSpan.FromMinutes(2));
        await _nodes[0].KillAsync();
        await posting.WaitAsync(TimeSpan.FromMinutes(5));

        var acknowledged = submitter.Acknowledged;
        acknowledged.Count.ShouldBe(1_000);
        var requests = await _stores[1].RequestsAsync(Authority);
        var wrong = acknowledged
            .Select(a => (a, rows: requests.Where(r => r.IdempotencyKey == a.Submission.IdempotencyKey || r.Payload.Contains(a.Submission.Marker, StringComparison.Ordinal)).Select(r => r.Id).Distinct().ToList()))
            .Where(x => x.rows.Count != 1 || x.rows[0] != x.a.Response.Id)
            .Select(x => $"{x.a.Submission}: answered {x.a.Response.Id}, stored [{string.Join(", ", x.rows)}]")
            .ToList();
        wrong.ShouldBeEmpty("each acknowledged post is stored exactly once, under the id it was answered with");
        requests.Count.ShouldBe(1_000, "no request exists that no client posted");
        output.WriteLine($"{acknowledged.Count(a => a.Attempts > 1)} post(s) needed more than one attempt (at most {acknowledged.Max(a => a.Attempts)})");
        output.WriteLine(await SubmissionAudit.ShouldMatchAsync(_stores[1], Authority, requests));
    }

    /// <summary>
    /// A request's deadline reminder is made to tick early, as an activation that lost a write race could have left it,
    /// while both nodes are down; once they are back, the tick reaches the request once — on one node — and the request,
    /// whose stored state still says when the deadline is, sets the reminder back to that time: its ETag moves once.
    /// </summary>
    [SkippableFact]
    public async Task a_reminder_ticks_its_request_once_across_both_nodes_and_a_restart()
    {
        var created = await _clients[0].CreateAsync(SampleRequests.EvidenceMarked("[reminder]"), "reminder");
        var id = created.Id;
        using (var prosecutor = new RequestsClient(_nodes[0].Address, await SiloCli.TokenAsync(_stores[0], Authority, "prosecutor")))
        {
            (await prosecutor.CompleteTaskAsync($"{id}.1", "ready")).Status.ShouldBe(HttpStatusCode.OK);
        }

        // The central authority's approval, 5 working days, is token 2 (README: every entry into a step is a token).
        var due = await ReminderAsync(id, "wf-2-due");
        foreach (var node in _nodes)
        {
            await node.KillAsync();
        }

        await _stores[0].ExecuteAsync("UPDATE reminders SET start_at = @Early WHERE grain_key = @Id AND name = 'wf-2-due'",
            new { Early = DateTime.UtcNow.AddSeconds(-30).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture), Id = id });
        // Together, as after a power cut: a node started alone would first wait for the other's old entry to expire.
        var restarted = await Task.WhenAll(_stores.Select(store => NodeProcess.StartAsync(store)));
        _nodes.Clear();
        _nodes.AddRange(restarted);

        var rearmed = await Eventually.FoundAsync(async () => await ReminderAsync(id, "wf-2-due") is var row && row.ETag != due.ETag ? row : null,
            "the early tick to be answered", TimeSpan.FromMinutes(2));
        await Task.Delay(TimeSpan.FromSeconds(5)); // a second delivery of the same tick would move the ETag again
        (await ReminderAsync(id, "wf-2-due")).ShouldBe(rearmed);
        rearmed.ETag.ShouldBe(due.ETag + 1, "the tick reached the request once");
        (Instant(rearmed.StartAt) - Instant(due.StartAt)).Duration().ShouldBeLessThan(TimeSpan.FromSeconds(1), "set back to the deadline the request's state holds");
        using var reader = new RequestsClient(_nodes[1].Address, await SiloCli.TokenAsync(_stores[1], Authority, "officer"));
        var request = await reader.GetAsync(id);
        request.Json.GetProperty("status").GetString().ShouldBe("inProgress");
        request.Json.GetProperty("workflow").GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("stepId").GetString()).ShouldBe(["ca-approval"]);
    }

    private async Task<ReminderRow> ReminderAsync(string id, string name)
    {
        await using var connection = await _stores[0].Database.OpenAsync();
        return await Dapper.SqlMapper.QuerySingleAsync<ReminderRow>(connection,
            "SELECT start_at AS StartAt, etag AS ETag FROM reminders WHERE grain_type = 'request' AND grain_key = @id AND name = @name", new { id, name });
    }

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private sealed record ReminderRow(string StartAt, long ETag);

    private static async Task<bool> ServedAsync(RequestsClient client, string id)
    {
        try
        {
            return (await client.GetAsync(id)).Status == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
