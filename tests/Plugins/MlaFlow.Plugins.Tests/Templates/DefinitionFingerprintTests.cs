using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Loading;

namespace MlaFlow.Plugins.Tests.Templates;

/// <summary>What <see cref="DefinitionFingerprint"/> tells apart, so that equal fingerprints can be trusted to mean the same procedure.</summary>
public sealed class DefinitionFingerprintTests
{
    private const string Definition = """
        {
          "side": "requested", "kind": "evidence", "version": 1, "title": "Incoming request for evidence", "start": "check",
          "steps": [
            { "id": "check", "type": "task", "role": "officer", "title": "Check",
              "form": [ { "name": "ground", "type": "choice", "options": ["a", "b"] } ],
              "outcomes": { "done": "end", "refuse": "refused" } },
            { "id": "end", "type": "end", "status": "executed" },
            { "id": "refused", "type": "end", "status": "refused", "ground": "A ground" }
          ]
        }
        """;

    [Fact]
    public void the_order_of_steps_in_the_file_does_not_change_it()
    {
        const string End = "{ \"id\": \"end\", \"type\": \"end\", \"status\": \"executed\" },";
        var reordered = Definition.Replace(End, "", StringComparison.Ordinal).Replace("\"steps\": [", "\"steps\": [ " + End, StringComparison.Ordinal);

        reordered.ShouldNotBe(Definition);
        DefinitionFingerprint.Of(Loaded(reordered)).ShouldBe(DefinitionFingerprint.Of(Loaded(Definition)));
    }

    [Theory]
    [InlineData("""{ "done": "end", "refuse": "refused" }""", """{ "refuse": "refused", "done": "end" }""")]
    [InlineData("""["a", "b"]""", """["b", "a"]""")]
    [InlineData("A ground", "Another ground")]
    [InlineData("\"title\": \"Check\"", "\"title\": \"Check it\"")]
    public void any_other_change_does(string written, string changed)
    {
        var other = Definition.Replace(written, changed, StringComparison.Ordinal);

        other.ShouldNotBe(Definition);
        DefinitionFingerprint.Of(Loaded(other)).ShouldNotBe(DefinitionFingerprint.Of(Loaded(Definition)));
    }

    private static WorkflowDefinition Loaded(string json) =>
        WorkflowDefinitionLoader.Load("requested-evidence.v1.json", json, FactCatalog.RequestOnly).Definition.ShouldNotBeNull();
}
