using Xunit;

namespace MlaFlow.Testing;

/// <summary>A test class whose every test gets its own fresh database and a fake clock (2 March 2026, 09:00 UTC, unless given).</summary>
public abstract class DatabaseTest(StorageKind kind, FakeClock? clock = null) : IAsyncLifetime
{
    protected FakeClock Clock { get; } = clock ?? FakeClock.At(2026, 3, 2);

    protected StorageKind Kind { get; } = kind;

    protected TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(Kind);
        await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }

    /// <summary>Runs after the database is made, before each test.</summary>
    protected virtual Task StartAsync() => Task.CompletedTask;

    /// <summary>Runs after each test, before the database is dropped.</summary>
    protected virtual Task StopAsync() => Task.CompletedTask;
}
