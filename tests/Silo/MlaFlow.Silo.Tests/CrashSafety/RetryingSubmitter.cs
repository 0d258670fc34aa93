using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using MlaFlow.Silo.Tests.Api;

namespace MlaFlow.Silo.Tests.CrashSafety;

/// <summary>
/// Officers submitting requests at once through the nodes of one deployment, as behind a load balancer: each lane posts
/// its requests one after another through its node and, when a post goes unanswered or fails on the server's side (a
/// node killed under it, a grain on the dead node not yet taken over), posts it again with the same Idempotency-Key
/// through the next node, until it is acknowledged. Each lane ends with all its posts acknowledged.
/// </summary>
public sealed class RetryingSubmitter(IReadOnlyList<RequestsClient> nodes, int lanes, int postsPerLane)
{
    private const int MaxAttempts = 200;
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(250);

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private readonly ConcurrentQueue<(Submission Submission, ApiResponse Response, int Attempts)> _acknowledged = new();

    /// <summary>Every post acknowledged so far, with the answer that acknowledged it and how many attempts it took.</summary>
    public IReadOnlyList<(Submission Submission, ApiResponse Response, int Attempts)> Acknowledged => [.. _acknowledged];

    public Task RunAsync() => Task.WhenAll(Enumerable.Range(0, lanes).Select(lane => Task.Run(() => PostAllAsync(lane))));

    /// <summary>Returns once <paramref name="count"/> posts are acknowledged.</summary>
    public async Task WaitForAcknowledgementsAsync(int count, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (_acknowledged.Count < count)
        {
            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"Only {_acknowledged.Count} of {count} posts were acknowledged within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(5);
        }
    }

    private async Task PostAllAsync(int lane)
    {
        for (var number = 1; number <= postsPerLane; number++)
        {
            var submission = Submission.Create(_run, lane, number);
            var (response, attempts) = await PostUntilAcknowledgedAsync(lane, submission);
            _acknowledged.Enqueue((submission, response, attempts));
        }
    }

    private async Task<(ApiResponse Response, int Attempts)> PostUntilAcknowledgedAsync(int lane, Submission submission)
    {
        var failures = new List<string>();
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var node = nodes[(lane + attempt) % nodes.Count];
            try
            {
                var response = await node.CreateAsync(submission.Body, submission.IdempotencyKey);
                if (response.Status == HttpStatusCode.Created)
                {
                    return (response, attempt + 1);
                }

                if ((int)response.Status < 500)
                {
                    throw new InvalidOperationException($"{submission} was refused: {response}");
                }

                failures.Add(response.ToString());
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                failures.Add(e.Message);
            }

            await Task.Delay(RetryPause);
        }

        throw new InvalidOperationException($"{submission} was not acknowledged in {MaxAttempts} attempts: {string.Join(" | ", failures.TakeLast(3))}");
    }
}
