namespace MlaFlow.Bench;

/// <summary>What a measurement runs with.</summary>
/// <param name="Options">Durations and the attachment's size.</param>
/// <param name="Meter">Times repeated operations.</param>
/// <param name="Scratch">The encrypted attachment on disk that the attachment measurements share.</param>
/// <param name="Cancellation">Set by Ctrl-C; measurements stop between operations.</param>
internal sealed record BenchContext(BenchOptions Options, RateMeter Meter, ScratchAttachment Scratch, CancellationToken Cancellation);
