using MlaFlow.Plugins.Host;
using MlaFlow.Plugins.Host.Manifest;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Gateway.Apis.Plugins;

/// <summary>A loaded country plugin as integrators and officers see it.</summary>
public sealed record PluginSummary(
    string Id,
    string Country,
    string Name,
    string Version,
    string TimeZone,
    IReadOnlyList<AuthoritySummary> Authorities,
    IReadOnlyList<string> RequestLanguages,
    IReadOnlyList<LegalBasisSummary> LegalBases,
    IReadOnlyList<RequestKind> Kinds,
    IReadOnlyList<WorkflowSummary> Workflows)
{
    public static PluginSummary Of(CountryPlugin plugin)
    {
        var manifest = plugin.Manifest;
        return new PluginSummary(
            manifest.Id,
            manifest.Country.Value,
            manifest.Name,
            manifest.Version,
            manifest.Calendar.Zone.Id,
            [.. manifest.Authorities.Select(a => new AuthoritySummary(a.Id.Value, a.Name, [.. a.Languages.Select(l => l.Value)]))],
            [.. manifest.RequestLanguages.Select(l => l.Value)],
            [.. manifest.LegalBases.Select(LegalBasisSummary.Of)],
            [.. plugin.Kinds.Order()],
            [.. plugin.Workflows.OrderBy(w => w.Side).ThenBy(w => w.Kind).ThenBy(w => w.Version).Select(w => new WorkflowSummary(w.Side.ToString(), w.Kind, w.Version, w.Title))]);
    }
}

public sealed record AuthoritySummary(string Id, string Name, IReadOnlyList<string> Languages);

/// <summary>A treaty in force; <paramref name="Confirmed"/> false until the authority confirms the plugin's facts about it.</summary>
public sealed record LegalBasisSummary(string Id, string Name, IReadOnlyList<string> Partners, IReadOnlyList<RequestKind> Kinds, bool Confirmed)
{
    public static LegalBasisSummary Of(LegalBasisEntry basis) =>
        new(basis.Id, basis.Name, [.. basis.Partners.Select(p => p.Value)], [.. basis.Kinds.Order()], basis.Confirmed);
}

public sealed record WorkflowSummary(string Side, RequestKind Kind, int Version, string Title);
