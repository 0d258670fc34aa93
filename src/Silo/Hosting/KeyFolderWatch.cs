using System.Globalization;
using System.Text;
using MlaFlow.Messaging.Keys;

namespace MlaFlow.Silo.Hosting;

/// <summary>
/// Looks at the key folder every two seconds and, when the <c>keys</c> commands changed a file (a rotation, a
/// revocation, a peer imported), reloads the key store and the peer directory, so a revoked key is refused within
/// seconds rather than at the next restart. A folder that no longer loads is logged and the keys in use stay in use.
/// The first keys of a node that started without any still need a restart: the exchange is set up at start.
/// </summary>
internal sealed class KeyFolderWatch(NodeKeys keys, ILogger<KeyFolderWatch> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seen = Listing();
        using var timer = new PeriodicTimer(Every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = Listing();
            if (now == seen)
            {
                continue;
            }

            seen = now;
            try
            {
                keys.Own.Reload();
                keys.Peers.Reload();
                logger.LogInformation("Keys changed on disk and were reloaded: {Own} own and {Peers} peer authorities", keys.Own.Authorities.Count, keys.Peers.Authorities.Count);
            }
            catch (KeyStoreException e)
            {
                logger.LogError("Keys changed on disk but do not load, so the previous ones stay in use: {Reason}", e.Message);
            }
        }
    }

    // Every key file's name, length and time of last write: the keys commands replace a file whole (a rename), which
    // changes its time even when its length stays. Their temporary files end in .tmp and are not listed.
    private string Listing()
    {
        var listing = new StringBuilder();
        if (Directory.Exists(keys.Own.Folder))
        {
            foreach (var file in new DirectoryInfo(keys.Own.Folder).GetFiles("*.json", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal))
            {
                listing.Append(CultureInfo.InvariantCulture, $"{file.FullName} {file.Length} {file.LastWriteTimeUtc.Ticks}\n");
            }
        }

        return listing.ToString();
    }
}
