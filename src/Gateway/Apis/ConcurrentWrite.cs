using MlaFlow.Runtime.State;

namespace MlaFlow.Gateway.Apis;

/// <summary>
/// Retries a grain call that lost an optimistic-concurrency race (another node wrote first). Nothing
/// was written by the losing attempt and its activation has reloaded, so trying again is safe.
/// </summary>
public static class ConcurrentWrite
{
    private const int Attempts = 5;

    public static async Task<TResult> RetryAsync<TResult>(Func<Task<TResult>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (InconsistentStateException) when (attempt < Attempts)
            {
                await Task.Delay(Random.Shared.Next(5, 20 * attempt));
            }
        }
    }
}
