using System.Text.Json.Nodes;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Workflows.Calendars;

namespace MlaFlow.Plugins.Host.Manifest;

/// <summary>A plugin's <c>plugin.json</c>, read and checked (docs/plugins.md).</summary>
public sealed record PluginManifest(
    string Id,
    CountryCode Country,
    string Name,
    string Version,
    int SdkVersion,
    BusinessCalendar Calendar,
    IReadOnlyList<AuthorityEntry> Authorities,
    IReadOnlyList<LanguageCode> RequestLanguages,
    IReadOnlyList<LegalBasisEntry> LegalBases,
    IReadOnlySet<RequestKind> ReciprocityKinds,
    Periods Periods,
    IReadOnlyDictionary<string, JsonNode> Facts,
    AssemblyEntry? Assembly)
{
    /// <summary>The SDK versions this build loads plugins for.</summary>
    public const int SupportedSdkVersion = 1;
}
