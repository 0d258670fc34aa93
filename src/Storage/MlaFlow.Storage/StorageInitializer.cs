using Orleans;
using Orleans.Runtime;

namespace MlaFlow.Storage;

/// <summary>
/// Applies pending migrations as the silo starts, in its first stage: before membership, reminders or any grain read
/// the tables the migrations make.
/// </summary>
internal sealed class StorageInitializer(MigrationRunner migrations) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(StorageInitializer), ServiceLifecycleStage.RuntimeInitialize, cancellationToken => migrations.ApplyAsync(cancellationToken));
}
