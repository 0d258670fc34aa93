using MlaFlow.Plugins.Host;

namespace MlaFlow.Silo.Hosting;

/// <summary>Logs at start which plugins were loaded and, for each refused one, every problem — so an operator sees why a state is missing.</summary>
internal sealed class PluginReport(PluginCatalog catalog, NodeSettings node, ILogger<PluginReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Plugins from {Path}: {Loaded}", node.PluginsPath,
            catalog.Plugins.Count == 0 ? "none" : string.Join(", ", catalog.Plugins.Select(p => $"{p.Manifest.Id} {p.Manifest.Version}")));
        foreach (var refused in catalog.Refused)
        {
            logger.LogWarning("Plugin {Folder} refused:{Problems}", refused.Folder, string.Concat(refused.Problems.Select(p => $"{Environment.NewLine}  {p}")));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
