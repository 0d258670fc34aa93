namespace MlaFlow.Bench;

/// <summary>
/// A class of BenchmarkDotNet benchmarks whose <c>[GlobalSetup]</c> checks every benchmark's output once, throwing when one
/// is wrong, and whose <c>[GlobalCleanup]</c> releases what the setup made (it may run after a setup that threw).
/// </summary>
internal interface ICheckedBenchmarks
{
    void Setup();

    void Cleanup();
}
