using MlaFlow.Plugins.Host.Loading;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Plugins.Tests.Templates;

/// <summary>A plugin's workflows are based on the templates in the templates folder beside the plugins (docs/plugins.md).</summary>
public sealed class PluginTemplatesTests
{
    private const string BasedOnTemplate = """
        {
          "template": "requested-evidence.v1",
          "version": 1,
          "title": "Incoming request for evidence (Lao procedure)"
        }
        """;

    [Fact]
    public void a_workflow_based_on_a_template_beside_the_plugins_loads_as_the_template_with_its_changes()
    {
        using var folder = new PluginFolder();
        folder.WriteTemplate("requested-evidence.v1.json", PluginFolder.Requested);
        folder.Write("workflows/requested-evidence.v1.json", BasedOnTemplate);

        var result = PluginLoader.Load(folder.Path);

        result.Problems.ShouldBeEmpty();
        var definition = result.Plugin.ShouldNotBeNull().Latest(WorkflowSide.Requested, RequestKind.Evidence).ShouldNotBeNull();
        definition.Title.ShouldBe("Incoming request for evidence (Lao procedure)");
        definition.Steps.Select(s => s.Id).ShouldBe(["check", "end"]);
    }

    [Fact]
    public void without_a_templates_folder_a_workflow_based_on_a_template_is_refused_saying_so()
    {
        using var folder = new PluginFolder();
        folder.Write("workflows/requested-evidence.v1.json", BasedOnTemplate);

        PluginLoader.Load(folder.Path).Problems.Select(p => p.ToString()).ShouldBe(
            ["la/workflows/requested-evidence.v1.json:2: $.template: No template 'requested-evidence.v1': there is no templates folder beside the plugins."]);
    }

    [Fact]
    public void a_mistake_in_a_template_is_named_in_the_templates_folder()
    {
        using var folder = new PluginFolder();
        folder.WriteTemplate("requested-evidence.v1.json", PluginFolder.Requested.Replace("\"role\": \"officer\"", "\"role\": \"clerk\"", StringComparison.Ordinal));
        folder.Write("workflows/requested-evidence.v1.json", BasedOnTemplate);

        PluginLoader.Load(folder.Path).Problems.Select(p => p.ToString()).ShouldBe(
            ["templates/requested-evidence.v1.json:8: $.steps[0].role: Unknown role 'clerk'; expected one of officer, prosecutor, executing."]);
    }

    [Fact]
    public void a_template_for_another_kind_makes_a_file_named_for_what_it_defines()
    {
        using var folder = new PluginFolder();
        folder.WriteTemplate("requested-evidence.v1.json", PluginFolder.Requested);
        folder.Write("workflows/requesting-evidence.v1.json", BasedOnTemplate);

        PluginLoader.Load(folder.Path).Problems.Select(p => p.ToString()).ShouldBe(
            ["la/workflows/requesting-evidence.v1.json:1: $: The file defines requested evidence version 1, so it must be named requested-evidence.v1.json."]);
    }
}
