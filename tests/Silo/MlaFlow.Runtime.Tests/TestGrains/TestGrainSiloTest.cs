using MlaFlow.Testing;

namespace MlaFlow.Runtime.Tests.TestGrains;

/// <summary>A <see cref="SiloTest"/> whose node also hosts this project's test grains.</summary>
public abstract class TestGrainSiloTest(StorageKind kind) : SiloTest(kind)
{
    protected override Task<TestSilo> StartSiloAsync() => TestSilos.StartAsync(Database, Clock);
}
