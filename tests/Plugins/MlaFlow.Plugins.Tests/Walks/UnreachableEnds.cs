namespace MlaFlow.Plugins.Tests.Walks;

/// <summary>
/// The end steps of shipped workflows that the walks do not reach, each with the reason. Listed as data so a
/// skip is visible in review: every other end must be reached, and every end listed here must stay
/// unreachable (a plugin fix that makes one reachable is told to take it off this list).
/// </summary>
internal static class UnreachableEnds
{
    public static IReadOnlyList<UnreachableEnd> Listed { get; } = [];
}
