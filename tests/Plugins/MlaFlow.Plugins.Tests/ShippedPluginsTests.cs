using MlaFlow.Plugins.Host;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Testing;
using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Plugins.Tests;

/// <summary>The plugins MlaFlow ships, for the six Lancang–Mekong states, all load and cover every kind on both sides.</summary>
public sealed class ShippedPluginsTests
{
    private static readonly Lazy<PluginCatalog> Catalog = new(() => ShippedPlugins.Catalog);

    [Fact]
    public void every_shipped_plugin_validates()
    {
        Catalog.Value.Refused.SelectMany(r => r.Problems).Select(p => p.ToString()).ShouldBeEmpty();
        Catalog.Value.Plugins.Select(p => p.Manifest.Country.Value).Order().ShouldBe(["CN", "KH", "LA", "MM", "TH", "VN"]);
    }

    [Theory]
    [MemberData(nameof(LancangMekong.States), MemberType = typeof(LancangMekong))]
    public void each_state_has_a_procedure_for_every_kind_on_both_sides_and_a_form_for_each(string country)
    {
        var plugin = Catalog.Value.For(CountryCode.Parse(country)).ShouldNotBeNull();

        foreach (var kind in Enum.GetValues<RequestKind>())
        {
            plugin.Latest(WorkflowSide.Requesting, kind).ShouldNotBeNull($"{country} requesting {kind}");
            plugin.Latest(WorkflowSide.Requested, kind).ShouldNotBeNull($"{country} requested {kind}");
            plugin.Forms.ContainsKey(kind).ShouldBeTrue($"{country} form for {kind}");
        }
    }

    [Fact]
    public void a_treaty_named_by_two_states_has_the_same_id_in_both()
    {
        var treaties = Catalog.Value.Plugins.SelectMany(p => p.Manifest.LegalBases.SelectMany(b => b.Partners.Select(partner => (State: p.Manifest.Country, b.Id, Partner: partner))));
        var bilateral = treaties.Where(t => !t.Id.StartsWith("asean", StringComparison.Ordinal) && !t.Id.StartsWith("un", StringComparison.Ordinal)).ToList();

        foreach (var (state, id, partner) in bilateral.Where(t => Catalog.Value.For(t.Partner) is not null))
        {
            bilateral.ShouldContain(t => t.State == partner && t.Id == id && t.Partner == state, $"{state} names {id} with {partner}, but {partner} does not name it with {state}");
        }
    }

    /// <summary>The templates compare a person's nationality with a placeholder; each state based on them names its own.</summary>
    [Theory]
    [MemberData(nameof(LancangMekong.States), MemberType = typeof(LancangMekong))]
    public void a_check_on_the_nationality_of_the_person_sought_names_the_states_own_nationals(string country)
    {
        var plugin = Catalog.Value.For(CountryCode.Parse(country)).ShouldNotBeNull();
        var compared = plugin.Workflows.SelectMany(w => w.Steps).OfType<DecisionStep>().SelectMany(d => d.Cases).SelectMany(c => c.When.Fields())
            .Where(f => f.Field == "request.persons.nationality").Select(f => f.Value!.GetValue<string>()).ToList();

        compared.ShouldNotBeEmpty();
        compared.ShouldAllBe(code => code == country);
    }

    [Theory]
    [MemberData(nameof(LancangMekong.States), MemberType = typeof(LancangMekong))]
    public void a_provisional_detention_limit_never_runs_past_its_last_day(string country)
    {
        var plugin = Catalog.Value.For(CountryCode.Parse(country)).ShouldNotBeNull();
        var awaitRequest = plugin.Latest(WorkflowSide.Requested, RequestKind.ProvisionalArrest)!.Steps.OfType<AwaitStep>()
            .Where(s => s.Message == MessageType.Request && s.Deadline is not null).ToList();

        awaitRequest.ShouldNotBeEmpty();
        awaitRequest.ShouldAllBe(s => s.Deadline!.After.Unit != DurationUnit.CalendarDays || s.Deadline.After.Strict);
    }
}
