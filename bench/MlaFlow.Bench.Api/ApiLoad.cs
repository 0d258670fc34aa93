using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace MlaFlow.Bench.Api;

/// <summary>
/// Clients calling one node at once, each as fast as the node answers: submissions of new requests (each its own
/// Idempotency-Key) and reads of a request's status. A call that does not succeed stops the run: the figures are of a
/// node that works.
/// </summary>
public sealed class ApiLoad(Uri node, string token, string evidence)
{
    /// <summary>Submits new requests with <paramref name="clients"/> clients for <paramref name="duration"/>; the ids made are returned for status reads.</summary>
    public async Task<(Latencies Latencies, IReadOnlyList<string> Ids)> SubmitAsync(int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var latencies = await RunAsync(clients, duration, async (http, n) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests") { Content = new StringContent(evidence, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", $"bench-{Guid.NewGuid():N}");
            using var response = await http.SendAsync(request, cancellationToken);
            Expect(response, HttpStatusCode.Created);
            var location = response.Headers.Location!.ToString();
            lock (ids)
            {
                ids.Add(location[(location.LastIndexOf('/') + 1)..]);
            }
        }, cancellationToken);
        return (latencies, ids);
    }

    /// <summary>Reads requests of <paramref name="ids"/> round the list with <paramref name="clients"/> clients for <paramref name="duration"/>.</summary>
    public Task<Latencies> StatusAsync(int clients, TimeSpan duration, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        RunAsync(clients, duration, async (http, n) =>
        {
            using var response = await http.GetAsync($"/api/v1/requests/{ids[n % ids.Count]}", HttpCompletionOption.ResponseContentRead, cancellationToken);
            Expect(response, HttpStatusCode.OK);
        }, cancellationToken);

    private async Task<Latencies> RunAsync(int clients, TimeSpan duration, Func<HttpClient, int, Task> call, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = node, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var samples = new List<TimeSpan>[clients];
        var clock = Stopwatch.StartNew();
        var counter = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var mine = samples[client] = [];
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await call(http, Interlocked.Increment(ref counter));
                mine.Add(Stopwatch.GetElapsedTime(started));
            }
        }, cancellationToken)));
        return new Latencies([.. samples.SelectMany(s => s)], clock.Elapsed);
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, not {(int)status}.");
        }
    }
}
