using System.Diagnostics;

namespace MlaFlow.Bench;

/// <summary>
/// Runs an operation over and over: untimed for the warm-up (tiered JIT compiles the hot paths fully within it), then
/// for a fixed wall-clock duration, and reports operations per second. Single-threaded, like <c>openssl speed</c>.
/// </summary>
internal sealed class RateMeter(TimeSpan warmUp, TimeSpan duration)
{
    /// <summary>Operations per second of <paramref name="operation"/>, measured over at least the duration.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public double OperationsPerSecond(Action operation, CancellationToken cancellationToken)
    {
        RunFor(warmUp, operation, cancellationToken);
        // Garbage left by the warm-up is collected now rather than inside the timed run.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var (count, elapsed) = RunFor(duration, operation, cancellationToken);
        return count / elapsed.TotalSeconds;
    }

    private static (long Count, TimeSpan Elapsed) RunFor(TimeSpan duration, Action operation, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        long count = 0;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            operation();
            count++;
        }
        while (stopwatch.Elapsed < duration);

        return (count, stopwatch.Elapsed);
    }
}
