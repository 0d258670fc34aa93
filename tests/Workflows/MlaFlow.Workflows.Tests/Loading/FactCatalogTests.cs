using MlaFlow.Workflows.Loading;

namespace MlaFlow.Workflows.Tests.Loading;

public sealed class FactCatalogTests
{
    [Fact]
    public void the_request_facts_are_those_of_the_workflow_docs()
    {
        var docs = File.ReadAllText(Path.Combine(DocsExampleTests.RepositoryRoot(), "docs", "workflows.md"));
        var section = docs[docs.IndexOf("Paths name known facts only", StringComparison.Ordinal)..docs.IndexOf("## Final statuses", StringComparison.Ordinal)];
        var documented = System.Text.RegularExpressions.Regex.Matches(section, "`(request\\.[A-Za-z.]+)`").Select(m => m.Groups[1].Value);

        FactCatalog.Request.ShouldBe(documented.Distinct(), ignoreOrder: true);
    }

    [Fact]
    public void plugin_facts_are_known_under_the_plugin_prefix()
    {
        var facts = new FactCatalog(["treatyInForce"]);

        facts.Contains("plugin.treatyInForce").ShouldBeTrue();
        facts.Contains("treatyInForce").ShouldBeFalse();
        facts.Contains("request.kind").ShouldBeTrue();
    }

    [Fact]
    public void adding_form_fields_leaves_the_plugins_catalogue_as_it_was()
    {
        var plugin = new FactCatalog([]);

        var definition = plugin.WithFormFields([("register", "registrationNumber")]);

        definition.Contains("form.register.registrationNumber").ShouldBeTrue();
        plugin.Contains("form.register.registrationNumber").ShouldBeFalse();
    }

    [Fact]
    public void a_blank_plugin_fact_name_is_a_programming_error()
    {
        Should.Throw<ArgumentException>(() => new FactCatalog([" "]));
    }
}
