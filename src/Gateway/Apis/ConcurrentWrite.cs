using Orleans.Storage;

namespace MlaFlow.Gateway.Apis;

/// <summary>
/// Retries a grain call that lost an optimistic-concurrency race: Orleans keeps one activation per grain, but a node cut
/// off from the cluster may hold a second one until it notices, and one of the two writes first. The losing attempt
/// wrote nothing and Orleans dropped its stale activation, so the next attempt runs on freshly loaded state: trying
/// again is safe.
/// </summary>
internal static class ConcurrentWrite
{
    public const int DefaultAttempts = 5;

    public static async Task<TResult> RetryAsync<TResult>(Func<Task<TResult>> call, int attempts = DefaultAttempts)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (InconsistentStateException) when (attempt < attempts)
            {
                // A little jitter, so that two racing callers do not collide again in lockstep.
                await Task.Delay(Random.Shared.Next(1, 10 * attempt));
            }
        }
    }
}
