using Microsoft.Extensions.Hosting;
using MlaFlow.Runtime.Storage;

namespace MlaFlow.Runtime.Hosting;

/// <summary>Applies pending migrations when the node starts, before anything else touches the database.</summary>
internal sealed class StorageInitializer(MigrationRunner migrations) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrations.ApplyAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
