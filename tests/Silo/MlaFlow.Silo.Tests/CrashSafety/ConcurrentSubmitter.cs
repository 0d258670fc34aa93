using System.Collections.Concurrent;
using System.Diagnostics;
using MlaFlow.Silo.Tests.Api;

namespace MlaFlow.Silo.Tests.CrashSafety;

/// <summary>
/// Clients posting requests in parallel lanes, as several officers at once would, lane by lane through the nodes given
/// (lane 1 through the first, lane 2 through the second, …). Each lane posts one request after another, up to
/// <paramref name="postsPerLane"/>, and stops at its first post without an answer, so when a node is killed every lane
/// through it leaves at most one post in doubt — the one a real client would retry.
/// </summary>
public sealed class ConcurrentSubmitter(IReadOnlyList<RequestsClient> clients, int lanes, int postsPerLane = ConcurrentSubmitter.MaxPostsPerLane)
{
    // Only a bound for the case where the node is never killed; the test kills it long before.
    private const int MaxPostsPerLane = 1_000;

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private readonly ConcurrentQueue<PostOutcome> _outcomes = new();
    private int _acknowledged;

    public IReadOnlyList<PostOutcome> Outcomes => [.. _outcomes];

    public int AcknowledgedCount => Volatile.Read(ref _acknowledged);

    /// <summary>Runs every lane; completes when each has had a post go unanswered (or been refused).</summary>
    public Task RunAsync() => Task.WhenAll(Enumerable.Range(1, lanes).Select(lane => Task.Run(() => PostUntilUnansweredAsync(lane))));

    /// <summary>Returns once <paramref name="count"/> posts got 201; fails if the lanes stop first or time runs out.</summary>
    public async Task WaitForAcknowledgementsAsync(Task posting, int count, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (AcknowledgedCount < count)
        {
            if (posting.IsCompleted)
            {
                throw new InvalidOperationException(
                    $"The clients stopped after {AcknowledgedCount} acknowledged post(s), before the node was killed:\n{string.Join('\n', Outcomes.TakeLast(lanes))}");
            }

            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"Only {AcknowledgedCount} of {count} posts were acknowledged within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(5);
        }
    }

    private async Task PostUntilUnansweredAsync(int lane)
    {
        var client = clients[(lane - 1) % clients.Count];
        for (var number = 1; number <= postsPerLane; number++)
        {
            var submission = Submission.Create(_run, lane, number);
            PostOutcome outcome;
            try
            {
                outcome = new PostOutcome(submission, await client.CreateAsync(submission.Body, submission.IdempotencyKey), null);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                outcome = new PostOutcome(submission, null, e);
            }

            _outcomes.Enqueue(outcome);
            if (!outcome.Acknowledged)
            {
                return;
            }

            Interlocked.Increment(ref _acknowledged);
        }
    }
}
