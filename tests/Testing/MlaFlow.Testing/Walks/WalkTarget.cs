using System.Text.Json;
using MlaFlow.Plugins.Host;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Testing.Walks;

/// <summary>
/// One end step of one shipped workflow: the plugin, the newest definition for a side and kind (the one new
/// requests start on) and the end to walk to. Test cases name it by strings, as a definition file does
/// (<c>TH</c>, <c>requested</c>, <c>provisionalArrest</c>, <c>refused-nationality</c>), so each reads well in a test report.
/// </summary>
public sealed record WalkTarget(CountryPlugin Plugin, WorkflowDefinition Definition, EndStep End)
{
    public CountryCode Country => Plugin.Manifest.Country;

    /// <summary>Every end of every newest definition of every shipped plugin, in a stable order.</summary>
    public static IEnumerable<WalkTarget> All() =>
        from plugin in ShippedPlugins.Catalog.Plugins.OrderBy(p => p.Manifest.Country.Value, StringComparer.Ordinal)
        from side in Enum.GetValues<WorkflowSide>()
        from kind in Enum.GetValues<RequestKind>()
        let definition = plugin.Latest(side, kind)
        where definition is not null
        from end in definition.Steps.OfType<EndStep>()
        select new WalkTarget(plugin, definition, end);

    /// <exception cref="InvalidOperationException">No shipped plugin, definition or end step has these names.</exception>
    public static WalkTarget Resolve(string country, string side, string kind, string end)
    {
        var plugin = ShippedPlugins.Catalog.For(CountryCode.Parse(country))
            ?? throw new InvalidOperationException($"No shipped plugin serves {country}.");
        var definition = plugin.Latest(Enum.Parse<WorkflowSide>(side, ignoreCase: true), Enum.Parse<RequestKind>(kind, ignoreCase: true))
            ?? throw new InvalidOperationException($"{country} has no {side} {kind} workflow.");
        return definition.HasStep(end) && definition.Step(end) is EndStep step
            ? new WalkTarget(plugin, definition, step)
            : throw new InvalidOperationException($"{country} {side} {kind} has no end step '{end}'.");
    }

    /// <summary>The side as definition files spell it: <c>requesting</c>, <c>requested</c>.</summary>
    public string SideName => JsonNamingPolicy.CamelCase.ConvertName(Definition.Side.ToString());

    /// <summary>The kind as definition files spell it: <c>evidence</c>, <c>provisionalArrest</c>, <c>extradition</c>.</summary>
    public string KindName => JsonNamingPolicy.CamelCase.ConvertName(Definition.Kind.ToString());

    public override string ToString() => $"{Country} {SideName} {KindName} → {End.Id} ({End.Status})";
}
