namespace MlaFlow.Bench;

/// <summary>Every benchmark checks its work's output once before it is timed, so the harness times work that is right.</summary>
internal static class Checks
{
    /// <exception cref="InvalidOperationException"><paramref name="condition"/> is false.</exception>
    public static void That(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException(problem);
        }
    }
}
