using MlaFlow.Plugins.Host.Loading;
using MlaFlow.Testing;

namespace MlaFlow.Plugins.Tests.Templates;

/// <summary>
/// The shipped plugins define exactly the procedures recorded in <c>shipped-definitions.txt</c>: one fingerprint
/// (<see cref="DefinitionFingerprint"/>) per plugin, side, kind and version. The record was taken from the full workflow
/// files the plugins shipped before they were based on templates (commit 143045f), so this test proves the conversion
/// changed no procedure. A change to a shipped version fails it too: a running request follows its version, so a
/// procedure changes by a new version, and the record only by a deliberate edit that says why.
/// </summary>
public sealed class ShippedDefinitionsTests
{
    private static readonly string Record = RepositoryRoot.Combine("tests", "Plugins", "MlaFlow.Plugins.Tests", "Templates", "shipped-definitions.txt");

    [Fact]
    public void every_shipped_definition_has_the_fingerprint_on_record()
    {
        var recorded = File.ReadLines(Record).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split(' ')).ToDictionary(l => l[0], l => l[1]);
        var shipped = ShippedPlugins.Catalog.Plugins
            .SelectMany(p => p.Workflows.Select(w => (Key: $"{p.Manifest.Id}/{Names.Side(w.Side)}-{Names.Kind(w.Kind)}.v{w.Version}", Definition: w)))
            .ToDictionary(w => w.Key, w => w.Definition);

        shipped.Keys.Order(StringComparer.Ordinal).ShouldBe(recorded.Keys.Order(StringComparer.Ordinal));
        var changed = shipped.Where(s => DefinitionFingerprint.Of(s.Value) != recorded[s.Key]).Select(s => s.Key).ToList();
        changed.ShouldBeEmpty(
            $"These definitions are not the ones on record; compare DefinitionFingerprint.Text of each with the same rendering of the recorded version: {string.Join(", ", changed)}");
    }
}
