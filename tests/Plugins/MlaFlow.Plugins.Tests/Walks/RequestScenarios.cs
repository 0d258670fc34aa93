using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Testing;
using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Plugins.Tests.Walks;

/// <summary>
/// The requests a walk may run under: every combination of the facts the shipped workflows decide on (a person
/// who is or is not a national of the requested state, a death or a prison penalty) and of urgency. The documents
/// are built by <see cref="RequestFacts"/>, as the request grain builds them, so a condition naming a path the
/// real document lacks is found false here too instead of being satisfied by a hand-written shape.
/// </summary>
internal static class RequestScenarios
{
    private static readonly CountryCode Thailand = CountryCode.Parse("TH");
    private static readonly CountryCode China = CountryCode.Parse("CN");

    /// <summary>The most ordinary request first, so a walk that needs nothing special runs under it.</summary>
    public static IReadOnlyList<RequestScenario> For(WalkTarget target)
    {
        // The other state is another shipped one, so its central authority is a real one.
        var partner = target.Country == Thailand ? China : Thailand;
        var (requesting, requested) = target.Definition.Side == WorkflowSide.Requesting ? (target.Country, partner) : (partner, target.Country);
        var facts = target.Plugin.Manifest.Facts;
        return
        [
            .. from nationality in new[] { requesting, requested }
               from penalty in new[] { new MaximumPenalty(PenaltyType.Imprisonment, 120), new MaximumPenalty(PenaltyType.Death, null) }
               from urgency in new[] { Urgency.Normal, Urgency.Immediate }
               let name = $"{requesting}→{requested}, a {nationality} national, {penalty.Type}, {urgency}"
               select new RequestScenario(name, RequestFacts.Of(Draft(target.Definition.Kind, requested, nationality, penalty, urgency), requesting, facts)),
        ];
    }

    private static NewAssistanceRequest Draft(RequestKind kind, CountryCode requested, CountryCode nationality, MaximumPenalty penalty, Urgency urgency) => new(
        kind,
        new Party(requested, ShippedPlugins.Catalog.For(requested)!.Manifest.Authorities[0].Id),
        new LegalBasis(LegalBasisType.Reciprocity, null),
        LanguageCode.Parse("en"),
        urgency,
        urgency == Urgency.Normal ? null : "The person is about to leave the country.",
        "Funds obtained by fraud were moved abroad.",
        [new Offence("Fraud", "Criminal code, fraud", penalty)],
        [new Person(PersonRole.Suspect, new PersonName("Doe", "Sam", null, []), null, nationality, [])],
        [new Measure(kind switch
        {
            RequestKind.Evidence => MeasureType.BankRecords,
            RequestKind.ProvisionalArrest => MeasureType.ArrestPerson,
            _ => MeasureType.SurrenderPerson,
        }, "As the request states.")],
        []);
}
