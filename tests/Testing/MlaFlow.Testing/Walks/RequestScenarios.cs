using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Host;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Workflows.Definitions;
using NodaTime;

namespace MlaFlow.Testing.Walks;

/// <summary>
/// The requests a walk may run under: every combination of the facts the shipped workflows decide on (a person
/// who is or is not a national of the requested state, a death or a prison penalty) and of urgency. The documents
/// are built by <see cref="RequestFacts"/>, as the request grain builds them, so a condition naming a path the
/// real document lacks is found false here too instead of being satisfied by a hand-written shape. Each draft
/// carries what requested states commonly ask for (a treaty the requested state applies with the requesting
/// one, else reciprocity; an assurance; evidence of the offence for extradition; a translation into its language when it does not take English; the warrant, the offence provisions, identification; the person's
/// date of birth and nationality), so a real node may admit it; <see cref="Admissible"/> says which it does.
/// </summary>
public static class RequestScenarios
{
    private static readonly CountryCode Thailand = CountryCode.Parse("TH");
    private static readonly CountryCode China = CountryCode.Parse("CN");

    // Validators that compare dates with today see one fixed day, so a scenario is admitted or not on every run alike.
    private static readonly Instant SubmittedAt = Instant.FromUtc(2026, 3, 2, 9, 0);

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
               let draft = Draft(target.Definition.Kind, requesting, requested, nationality, penalty, urgency)
               select new RequestScenario(name, requesting, draft, RequestFacts.Of(draft, requesting, facts)),
        ];
    }

    /// <summary>The scenarios whose draft the requested state's rules admit, as a node checks a request before opening it.</summary>
    public static IReadOnlyList<RequestScenario> Admissible(WalkTarget target, PluginCatalog plugins) =>
        [.. For(target).Where(s => RequestAdmission.Check(s.Draft, s.Requesting, plugins, SubmittedAt).Count == 0)];

    private static NewAssistanceRequest Draft(
        RequestKind kind, CountryCode requesting, CountryCode requested, CountryCode nationality, MaximumPenalty penalty, Urgency urgency)
    {
        var plugin = ShippedPlugins.Catalog.For(requested)!;
        var treaty = plugin.Manifest.LegalBases.FirstOrDefault(b => b.Partners.Contains(requesting) && b.Kinds.Contains(kind));
        var basis = treaty is null ? new LegalBasis(LegalBasisType.Reciprocity, null) : new LegalBasis(LegalBasisType.Treaty, treaty.Id);
        // The assurance (speciality, reciprocity) is asked for under reciprocity by all, and by China under a treaty
        // too; China also asks an extradition request for evidence of the offence.
        AttachmentCategory[] attached =
        [
            AttachmentCategory.Warrant, AttachmentCategory.OffenceProvisions, AttachmentCategory.Identification, AttachmentCategory.Assurance,
            .. kind == RequestKind.Extradition ? [AttachmentCategory.Evidence] : Array.Empty<AttachmentCategory>(),
        ];

        var english = LanguageCode.Parse("en");
        var translations = plugin.Manifest.RequestLanguages.Contains(english)
            ? []
            : new[] { Attachment(AttachmentCategory.Translation) with { Language = plugin.Manifest.RequestLanguages[0] } };

        return new(
            kind,
            new Party(requested, plugin.Manifest.Authorities[0].Id),
            basis,
            english,
            urgency,
            urgency == Urgency.Normal ? null : "The person is about to leave the country.",
            "Funds obtained by fraud were moved abroad.",
            [new Offence("Fraud", "Criminal code, fraud", penalty)],
            [new Person(PersonRole.Suspect, new PersonName("Doe", "Sam", null, []), new LocalDate(1980, 5, 17), nationality, [])],
            [new Measure(kind switch
            {
                RequestKind.Evidence => MeasureType.BankRecords,
                RequestKind.ProvisionalArrest => MeasureType.ArrestPerson,
                _ => MeasureType.SurrenderPerson,
            }, "As the request states.")],
            [.. attached.Select(Attachment), .. translations]);
    }

    // The content is not read by any rule or step; a fixed digest stands for it.
    private static Attachment Attachment(AttachmentCategory category) =>
        new($"{category}.pdf", "application/pdf", 1024, new string('0', 64), category, null);
}
