using System.Text.RegularExpressions;
using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Loading;
using MlaFlow.Workflows.Loading.Templates;

namespace MlaFlow.Workflows.Tests.Loading;

/// <summary>The example in docs/workflows.md is loaded as written, so the documented format and the loader cannot drift apart.</summary>
public sealed partial class DocsExampleTests
{
    [Fact]
    public void the_example_in_the_workflow_docs_loads_without_problems()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "workflows.md"));
        var example = JsonBlock().Match(docs).Groups["json"].Value;

        var result = WorkflowDefinitionLoader.Load("workflows/requested-evidence.v1.json", example, FactCatalog.RequestOnly);

        result.Problems.ShouldBeEmpty(string.Join("\n", result.Problems));
        result.Definition.ShouldNotBeNull().Steps.Count.ShouldBe(6);
    }

    [Fact]
    public void the_custom_step_example_in_the_workflow_docs_loads_with_its_handler()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "workflows.md"));
        var step = JsonBlock().Matches(docs).Select(m => m.Groups["json"].Value).Single(json => json.Contains("\"type\": \"custom\"", StringComparison.Ordinal));
        var json = $$"""
            { "side": "requested", "kind": "evidence", "version": 1, "title": "Screened", "start": "screen", "steps": [
              {{step}},
              { "id": "assign", "type": "task", "role": "officer", "outcomes": { "done": "end" } },
              { "id": "review-match", "type": "task", "role": "prosecutor", "outcomes": { "done": "end" } },
              { "id": "end", "type": "end", "status": "executed" } ] }
            """;

        var result = WorkflowDefinitionLoader.Load("workflows/requested-evidence.v1.json", json, FactCatalog.RequestOnly, [ScriptedStep.WatchListScreening()]);

        result.Problems.ShouldBeEmpty(string.Join("\n", result.Problems));
        result.Definition.ShouldNotBeNull().Step("screen").ShouldBeOfType<CustomStep>().Settings["list"]!.GetValue<string>().ShouldBe("watch-list.txt");
    }

    [Fact]
    public void the_template_example_in_the_workflow_docs_loads_against_the_shipped_template()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "workflows.md"));
        var example = JsonBlock().Matches(docs).Select(m => m.Groups["json"].Value).Single(json => json.Contains("\"template\":", StringComparison.Ordinal));
        var templates = WorkflowTemplates.InFolder(Path.Combine(RepositoryRoot(), "src", "Plugins", "Countries", "templates"), "templates");

        var result = WorkflowDefinitionLoader.Load("workflows/requested-provisionalArrest.v1.json", example, new FactCatalog(["extraditesNationals"]), templates: templates);

        result.Problems.ShouldBeEmpty(string.Join("\n", result.Problems));
        var definition = result.Definition.ShouldNotBeNull();
        definition.Step("arrest").Outcomes["arrested"].ShouldBe("court-detention");
        definition.Step("await-request").ShouldBeOfType<AwaitStep>().Deadline!.After.ShouldBe(new DurationSpec(DurationUnit.CalendarDays, 30, Strict: true));
        definition.HasStep("release-overdue").ShouldBeFalse();
    }

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MlaFlow.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No MlaFlow.sln above {AppContext.BaseDirectory}; run the tests from a checkout.");
    }

    [GeneratedRegex(@"```json\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
