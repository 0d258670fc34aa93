using Microsoft.Extensions.Time.Testing;

namespace MlaFlow.Testing;

/// <summary>A <see cref="DatabaseTest"/> with one node started on the database for each test.</summary>
public abstract class SiloTest(StorageKind kind, FakeTimeProvider? time = null) : DatabaseTest(kind, time)
{
    protected TestSilo Silo { get; private set; } = null!;

    protected override async Task StartAsync() => Silo = await StartSiloAsync();

    protected override async Task StopAsync()
    {
        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }
    }

    /// <summary>Starts the node; override to serve other authorities or replace services.</summary>
    protected virtual Task<TestSilo> StartSiloAsync() => TestSilo.StartAsync(Database, Time);
}
