using MlaFlow.Plugins.Host.Loading;
using MlaFlow.Testing;

namespace MlaFlow.Plugins.Tests.Code;

/// <summary>Each mistake in a plugin's code or in how its manifest names it, and exactly what the author is told.</summary>
public sealed class PluginCodeMistakesTests
{
    private const string Entry = """
          "assembly": {
            "file": "MlaFlow.Samples.WatchList.dll",
            "steps": ["watch-list-screening"],
            "validators": ["plausible-dates-of-birth"]
          }
        """;

    [Theory]
    [InlineData("\"file\": \"MlaFlow.Samples.WatchList.dll\"", "\"file\": \"Missing.dll\"", "xa/plugin.json:20: $.assembly.file: The assembly 'Missing.dll' is not in the plugin folder.")]
    [InlineData("\"file\": \"MlaFlow.Samples.WatchList.dll\"", "\"file\": \"../WatchList.dll\"", "xa/plugin.json:20: $.assembly.file: The assembly's file name in the plugin folder, e.g. Sample.dll.")]
    [InlineData("\"steps\": [\"watch-list-screening\"]", "\"steps\": [\"watch-list-screening\", \"sanctions-screening\"]", "xa/plugin.json:21: $.assembly.steps[1]: The assembly provides no custom step named 'sanctions-screening'; it provides watch-list-screening.")]
    [InlineData("\"validators\": [\"plausible-dates-of-birth\"]", "\"validators\": []", "xa/plugin.json:22: $.assembly.validators: The assembly provides the validator 'plausible-dates-of-birth', which the manifest does not list; list it, or remove it from the assembly.")]
    [InlineData("\"steps\": [\"watch-list-screening\"]", "\"steps\": [\"Watch_List\"]", "xa/plugin.json:21: $.assembly.steps[0]: Must be a handler name such as \"watch-list-screening\", not 'Watch_List'.")]
    [InlineData("\"validators\": [\"plausible-dates-of-birth\"]", "\"validators\": [\"plausible-dates-of-birth\"], \"types\": []", "xa/plugin.json:22: $.assembly.types: Unknown member 'types' in assembly; expected file, steps, validators.")]
    public void an_assembly_entry_mistake_is_named_with_its_line_and_path(string valid, string broken, string expected)
    {
        using var plugins = SamplePlugin.CopyWith();
        Edit(plugins, "plugin.json", valid, broken);

        PluginLoader.Load(plugins.Sample).Problems.Select(p => p.ToString()).ShouldBe([expected]);
    }

    [Fact]
    public void an_assembly_named_as_a_plain_file_name_is_refused_with_the_shape_expected()
    {
        using var plugins = SamplePlugin.CopyWith();
        Edit(plugins, "plugin.json", Entry.Trim(), "\"assembly\": \"MlaFlow.Samples.WatchList.dll\"");

        PluginLoader.Load(plugins.Sample).Problems.Select(p => p.ToString()).ShouldContain(
            "xa/plugin.json:19: $.assembly: Must be an object { \"file\": \"Sample.dll\", \"steps\": [...], \"validators\": [...] }, not a string.");
    }

    [Fact]
    public void an_assembly_that_provides_nothing_the_manifest_lists_is_refused()
    {
        using var plugins = SamplePlugin.CopyWith();
        Edit(plugins, "plugin.json", "\"steps\": [\"watch-list-screening\"]", "\"steps\": []");
        Edit(plugins, "plugin.json", "\"validators\": [\"plausible-dates-of-birth\"]", "\"validators\": []");

        PluginLoader.Load(plugins.Sample).Problems.Select(p => p.ToString()).ShouldContain(
            "xa/plugin.json:19: $.assembly: An assembly that provides no custom step and no validator has nothing to do; list them under steps and validators, or set assembly to null.");
    }

    [Fact]
    public void a_file_that_is_not_a_dotnet_assembly_is_refused()
    {
        using var plugins = SamplePlugin.CopyWith();
        File.WriteAllText(Path.Combine(plugins.Sample, "MlaFlow.Samples.WatchList.dll"), "not an assembly");

        var problem = PluginLoader.Load(plugins.Sample).Problems.Select(p => p.ToString()).ShouldHaveSingleItem();
        problem.ShouldStartWith("xa/plugin.json:20: $.assembly.file: The assembly cannot be loaded: ");
    }

    [Fact]
    public void a_workflow_using_a_handler_the_assembly_does_not_provide_is_refused()
    {
        using var plugins = SamplePlugin.CopyWith();
        Edit(plugins, "workflows/requested-evidence.v1.json", "\"handler\": \"watch-list-screening\"", "\"handler\": \"watch-list-screen\"");

        PluginLoader.Load(plugins.Sample).Problems.Select(p => p.ToString()).ShouldBe(
        [
            "xa/workflows/requested-evidence.v1.json:43: $.steps[4].handler: Unknown handler 'watch-list-screen'; expected one of the custom steps the plugin's assembly provides: watch-list-screening.",
        ]);
    }

    [Fact]
    public void a_workflow_leaving_an_outcome_of_the_handler_unmapped_is_refused()
    {
        using var plugins = SamplePlugin.CopyWith();
        Edit(plugins, "workflows/requested-evidence.v1.json", "\"outcomes\": { \"clear\": \"assign\", \"match\": \"review-match\" }", "\"outcomes\": { \"clear\": \"assign\" }");

        PluginLoader.Load(plugins.Sample).Problems.Select(p => p.ToString()).ShouldContain(
            "xa/workflows/requested-evidence.v1.json:45: $.steps[4].outcomes.match: Missing: handler 'watch-list-screening' may return 'match', so map it to the next step's id.");
    }

    private static void Edit(PluginsFolder plugins, string file, string from, string to)
    {
        var path = Path.Combine(plugins.Sample, file);
        var text = File.ReadAllText(path);
        text.ShouldContain(from);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }
}
