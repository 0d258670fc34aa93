using MlaFlow.Silo.Hosting;

namespace MlaFlow.Silo.Commands;

/// <summary>The node's configuration as the node itself reads it (appsettings, environment, command line).</summary>
internal static class NodeConfiguration
{
    public static IConfiguration Load(IEnumerable<string> configurationArgs) =>
        WebApplication.CreateBuilder(SiloApp.Options([.. configurationArgs])).Configuration;

    /// <summary>Settings and configuration, or a message on stderr and null when they are invalid.</summary>
    public static (NodeSettings Settings, IConfiguration Configuration)? TryLoad(IEnumerable<string> configurationArgs)
    {
        var configuration = Load(configurationArgs);
        try
        {
            return (NodeSettings.From(configuration), configuration);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return null;
        }
    }
}
