using MlaFlow.Plugins.Host.Code;
using MlaFlow.Plugins.Host.Forms;
using MlaFlow.Plugins.Host.Manifest;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Plugins.Host;

/// <summary>A loaded, fully checked country plugin: its manifest, every version of its workflows, its request forms, and its code if it has any.</summary>
public sealed record CountryPlugin(PluginManifest Manifest, string Folder, IReadOnlyList<WorkflowDefinition> Workflows, IReadOnlyDictionary<RequestKind, RequestForm> Forms)
{
    /// <summary>The custom steps and validators of the plugin's assembly; <see cref="PluginCode.None"/> without one.</summary>
    public PluginCode Code { get; init; } = PluginCode.None;

    /// <summary>The newest version of the workflow for a side and kind; new requests start on it.</summary>
    public WorkflowDefinition? Latest(WorkflowSide side, RequestKind kind) =>
        Workflows.Where(w => w.Side == side && w.Kind == kind).MaxBy(w => w.Version);

    /// <summary>A given version, for requests that started on it.</summary>
    public WorkflowDefinition? Version(WorkflowSide side, RequestKind kind, int version) =>
        Workflows.FirstOrDefault(w => w.Side == side && w.Kind == kind && w.Version == version);

    /// <summary>The kinds of request the state handles: those of its treaties and of its reciprocity.</summary>
    public IReadOnlySet<RequestKind> Kinds =>
        Manifest.LegalBases.SelectMany(b => b.Kinds).Concat(Manifest.ReciprocityKinds).ToHashSet();
}
