using MlaFlow.Runtime.Grains;

namespace MlaFlow.Runtime.State;

/// <summary>
/// A write was made from a copy of the state that is no longer current (another activation, maybe on
/// another node, wrote first). Nothing was written. The runtime deactivates the activation so the next
/// call reloads the current state.
/// </summary>
public sealed class InconsistentStateException(GrainId grain, string? expectedETag)
    : Exception($"The state of {grain} changed since it was read (expected ETag '{expectedETag ?? "none"}'); nothing was written.")
{
    public GrainId Grain { get; } = grain;

    public string? ExpectedETag { get; } = expectedETag;
}
