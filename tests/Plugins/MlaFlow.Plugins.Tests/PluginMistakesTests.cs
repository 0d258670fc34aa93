using MlaFlow.Plugins.Host.Loading;

namespace MlaFlow.Plugins.Tests;

/// <summary>Each mistake a plugin author can make in a manifest, a form or the folder, and exactly what they are told.</summary>
public sealed class PluginMistakesTests
{
    [Fact]
    public void the_valid_sample_loads()
    {
        using var folder = new PluginFolder();

        var result = PluginLoader.Load(folder.Path);

        result.Problems.ShouldBeEmpty();
        var plugin = result.Plugin.ShouldNotBeNull();
        plugin.Manifest.Authorities.ShouldHaveSingleItem().Id.Value.ShouldBe("LA-OSPP");
        plugin.Workflows.Count.ShouldBe(2);
        plugin.Forms.Keys.ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("\"country\": \"LA\"", "\"country\": \"LAO\"", "la/plugin.json:3: $.country: 'LAO' is not an ISO 3166-1 alpha-2 code.")]
    [InlineData("\"sdkVersion\": 1", "\"sdkVersion\": 2", "la/plugin.json:6: $.sdkVersion: Must be a whole number from 1 to 1 (got 2).")]
    [InlineData("\"timeZone\": \"Asia/Vientiane\"", "\"timeZone\": \"Asia/Vientiane2\"", "la/plugin.json:7: $.timeZone: 'Asia/Vientiane2' is not an IANA time zone id such as Asia/Bangkok.")]
    [InlineData("\"2026-01-01\"", "\"2026-13-01\"", "la/plugin.json:8: $.holidays.dates[0]: Must be an ISO date such as \"2026-04-13\", not '2026-13-01'.")]
    [InlineData("\"id\": \"LA-OSPP\"", "\"id\": \"TH-OAG\"", "la/plugin.json:9: $.authorities[0].id: TH-OAG is not an authority of LA.")]
    [InlineData("\"languages\": [\"lo\", \"en\"]", "\"languages\": [\"lao\"]", "la/plugin.json:9: $.authorities[0].languages[0]: Must be an ISO 639-1 code, not 'lao'.")]
    [InlineData("\"kinds\": [\"evidence\"]", "\"kinds\": [\"mla\"]", "la/plugin.json:12: $.reciprocity.kinds[0]: Must be a request kind (evidence, provisionalArrest, extradition), not 'mla'.")]
    [InlineData("\"extraditesNationals\": false", "\"extraditesNationals\": [false]", "la/plugin.json:13: $.facts.extraditesNationals: Must be a string, number or boolean, not an array.")]
    [InlineData("\"sdkVersion\": 1,", "\"sdkVersion\": 1, \"timezone\": \"x\",", "la/plugin.json:6: $.timezone: Unknown member 'timezone' in the plugin manifest; expected id, country, name, version, sdkVersion, timeZone, weekend, holidays, authorities, requestLanguages, legalBases, reciprocity, periods, facts, assembly.")]
    [InlineData("\"legalBases\": []", "\"legalBases\": [ { \"id\": \"asean-mlat-2004\", \"name\": \"ASEAN MLAT\", \"partners\": [\"TH\"], \"kinds\": [\"evidence\"] } ]", "la/plugin.json:11: $.legalBases[0].confirmed: Missing: true once the authority has confirmed this treaty fact, else false.")]
    public void a_manifest_mistake_is_named_with_its_line_and_path(string valid, string broken, string expected)
    {
        using var folder = new PluginFolder();
        folder.Write("plugin.json", PluginFolder.Manifest.Replace(valid, broken, StringComparison.Ordinal));

        PluginLoader.Load(folder.Path).Problems.Select(p => p.ToString()).ShouldBe([expected]);
    }

    [Fact]
    public void a_missing_manifest_is_named()
    {
        using var folder = new PluginFolder();
        folder.Delete("plugin.json");

        PluginLoader.Load(folder.Path).Problems.Select(p => p.ToString()).ShouldBe(["la/plugin.json: The file is missing."]);
    }

    [Fact]
    public void a_kind_the_state_handles_needs_both_procedures_and_a_form()
    {
        using var folder = new PluginFolder();
        folder.Delete("workflows/requesting-evidence.v1.json");
        folder.Delete("forms/evidence.json");

        PluginLoader.Load(folder.Path).Problems.Select(p => p.ToString()).ShouldBe(
        [
            "la/workflows: The state handles evidence requests but has no workflows/requesting-evidence.v1.json.",
            "la/forms: The state handles evidence requests but has no forms/evidence.json.",
        ]);
    }

    [Fact]
    public void a_workflow_file_is_named_after_what_it_defines()
    {
        using var folder = new PluginFolder();
        folder.Write("workflows/requested-evidence.v2.json", PluginFolder.Requested);

        PluginLoader.Load(folder.Path).Problems.Select(p => p.ToString()).ShouldBe(
            ["la/workflows/requested-evidence.v2.json:1: $: The file defines requested evidence version 1, so it must be named requested-evidence.v1.json."]);
    }

    [Fact]
    public void a_workflow_mistake_is_reported_with_the_plugin_folder_in_its_file_name()
    {
        using var folder = new PluginFolder();
        folder.Write("workflows/requested-evidence.v1.json", PluginFolder.Requested.Replace("\"type\": \"task\"", "\"type\": \"tsak\"", StringComparison.Ordinal));

        PluginLoader.Load(folder.Path).Problems.ShouldHaveSingleItem().File.ShouldBe("la/workflows/requested-evidence.v1.json");
    }

    [Fact]
    public void a_form_rule_on_an_unknown_fact_is_refused()
    {
        using var folder = new PluginFolder();
        folder.Write("forms/evidence.json", PluginFolder.Form.Replace("request.measures.type", "request.measure.type", StringComparison.Ordinal));

        var problem = PluginLoader.Load(folder.Path).Problems.ShouldHaveSingleItem().ToString();

        problem.ShouldStartWith("la/forms/evidence.json:4: $.rules[0].require.field: Unknown fact 'request.measure.type'. Did you mean 'request.measures.type'?");
    }

    [Fact]
    public void a_form_is_named_after_its_kind()
    {
        using var folder = new PluginFolder();
        folder.Delete("forms/evidence.json");
        folder.Write("forms/extradition.json", PluginFolder.Form);

        PluginLoader.Load(folder.Path).Problems.Select(p => p.ToString()).ShouldBe(
        [
            "la/forms/extradition.json:1: $.kind: The form is for evidence requests, so it must be named evidence.json.",
            "la/forms: The state handles evidence requests but has no forms/evidence.json.",
        ]);
    }
}
