namespace MlaFlow.Silo.Hosting;

/// <summary>
/// Logs at start, in one line, which served authorities can exchange envelopes with other nodes and which cannot
/// (no keys), so an operator sees why a peer's envelopes are refused or none can be sent.
/// </summary>
internal sealed class ExchangeReport(NodeKeys keys, ILogger<ExchangeReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var without = keys.WithoutKeys;
        if (without.Count > 0)
        {
            logger.LogInformation(
                "Cross-node exchange is off for {Authorities}: no active keys in {Folder} (keys generate --authority …, with MlaFlow__Keys__Passphrase or MlaFlow__Keys__Kek set); they exchange only with authorities this node serves",
                string.Join(", ", without), keys.Own.Folder);
        }
        else
        {
            logger.LogInformation("Cross-node exchange is on for {Authorities}; {Peers} peer authorities in the directory",
                string.Join(", ", keys.Served.Select(a => a.Value).Order(StringComparer.Ordinal)), keys.Peers.Authorities.Count);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
