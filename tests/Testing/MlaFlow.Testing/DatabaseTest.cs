using Microsoft.Extensions.Time.Testing;
using MlaFlow.Silo.Hosting;
using NodaTime;
using Xunit;

namespace MlaFlow.Testing;

/// <summary>A test class whose every test gets its own fresh database and fake time (2 March 2026, 09:00 UTC, unless given).</summary>
public abstract class DatabaseTest(StorageKind kind, FakeTimeProvider? time = null) : IAsyncLifetime
{
    /// <summary>The test's time: legal time (deadlines, reminders) moves only when the test advances it.</summary>
    protected FakeTimeProvider Time { get; } = time ?? TestTime.At(2026, 3, 2);

    /// <summary>The same time as instants.</summary>
    protected IClock Clock => new TimeProviderClock(Time);

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
