using System.CommandLine;
using MlaFlow.Plugins.Host;
using MlaFlow.Plugins.Host.Loading;

namespace MlaFlow.Silo.Commands;

/// <summary>
/// <c>plugin validate &lt;folder&gt;</c>: checks one plugin folder, or every plugin in a folder of plugins, as the
/// node would load it; prints <c>file:line: message</c> per problem and exits 1 when there is any.
/// </summary>
internal static class PluginCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "A plugin folder (holding plugin.json), or a folder of plugin folders." };
        var validate = new Command("validate", "Check plugins as the node would load them.") { folder };
        validate.SetAction(parse => Validate(parse.GetValue(folder)!));
        return new Command("plugin", "Country plugin tools.") { validate };
    }

    private static int Validate(string folder)
    {
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"error: {folder} is not a folder.");
            return 2;
        }

        var results = File.Exists(Path.Combine(folder, PluginLoader.ManifestFile))
            ? [PluginLoader.Load(folder)]
            : Directory.GetDirectories(folder).Where(d => File.Exists(Path.Combine(d, PluginLoader.ManifestFile))).Order(StringComparer.Ordinal).Select(PluginLoader.Load).ToList();
        if (results.Count == 0)
        {
            Console.Error.WriteLine($"error: no {PluginLoader.ManifestFile} in {folder} or its subfolders.");
            return 2;
        }

        foreach (var result in results)
        {
            if (result.Plugin is { } plugin)
            {
                Console.WriteLine($"ok: {plugin.Manifest.Id} ({plugin.Manifest.Country}) {plugin.Manifest.Version}: {plugin.Workflows.Count} workflow(s), {plugin.Forms.Count} form(s)");
            }

            foreach (var problem in result.Problems)
            {
                Console.WriteLine(problem);
            }
        }

        return results.All(r => r.Succeeded) ? 0 : 1;
    }
}
