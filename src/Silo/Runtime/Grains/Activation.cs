using NodaTime;

namespace MlaFlow.Runtime.Grains;

/// <summary>
/// One live grain instance on this node. Its turn lock admits one call at a time; once deactivated it
/// is never used again, and a caller that finds it so takes a fresh activation.
/// </summary>
internal sealed class Activation(GrainId id)
{
    public GrainId Id { get; } = id;

    public SemaphoreSlim Turn { get; } = new(1, 1);

    /// <summary>Set in the first turn; null until then or if activation failed.</summary>
    public Grain? Grain { get; set; }

    /// <summary>Set with <see cref="Grain"/>.</summary>
    public GrainContext? Context { get; set; }

    public bool IsDeactivated { get; set; }

    /// <summary>When the last call finished; read by the idle collector.</summary>
    public Instant LastUsed { get; set; }
}
