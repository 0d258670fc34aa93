namespace MlaFlow.Bench;

/// <summary>What a measurement runs with.</summary>
/// <param name="Options">Durations and the attachment's size.</param>
/// <param name="Benchmarks">Times the per-message work (BenchmarkDotNet, in process).</param>
/// <param name="Scratch">The encrypted attachment on disk that the attachment measurements share.</param>
/// <param name="Cancellation">Set by Ctrl-C; measurements stop between benchmarks and between attachment segments.</param>
internal sealed record BenchContext(BenchOptions Options, InProcessBenchmarks Benchmarks, ScratchAttachment Scratch, CancellationToken Cancellation);
