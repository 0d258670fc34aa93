using MlaFlow.Silo.Tests.Processes;
using MlaFlow.Testing;

namespace MlaFlow.Silo.Tests.Commands;

/// <summary><c>MlaFlow.Silo plugin validate</c>: what an integrator runs before shipping a plugin.</summary>
public sealed class PluginValidateCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mlaflow-plugins-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task the_shipped_plugins_validate()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "plugins");

        var result = await SiloCli.RunAsync(new Dictionary<string, string>(), "plugin", "validate", shipped);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.OutputLines.Count.ShouldBe(6, result.ToString());
        result.OutputLines.ShouldAllBe(line => line.StartsWith("ok: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task the_sample_plugin_with_code_validates_as_the_readme_shows()
    {
        var result = await SiloCli.RunAsync(new Dictionary<string, string>(), "plugin", "validate", SamplePlugin.Folder);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.OutputLines.ShouldBe(["ok: xa-sample (XA) 1.0.0: 2 workflow(s), 1 form(s)"], result.ToString());
    }

    [Fact]
    public async Task a_broken_plugin_is_reported_as_file_line_message_with_exit_code_1()
    {
        var plugin = Path.Combine(_root, "xx");
        Directory.CreateDirectory(plugin);
        File.WriteAllText(Path.Combine(plugin, "plugin.json"), """
            {
              "id": "xx",
              "country": "ZX"
            }
            """);

        var result = await SiloCli.RunAsync(new Dictionary<string, string>(), "plugin", "validate", plugin);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.OutputLines.ShouldContain("xx/plugin.json:3: $.country: 'ZX' is not an ISO 3166-1 alpha-2 code.");
        result.OutputLines.ShouldContain("xx/plugin.json:1: $.name: Missing: the state's name.");
    }

    [Fact]
    public async Task a_folder_without_plugins_is_an_error()
    {
        var result = await SiloCli.RunAsync(new Dictionary<string, string>(), "plugin", "validate", _root);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StandardError.ShouldContain("no plugin.json");
    }
}
