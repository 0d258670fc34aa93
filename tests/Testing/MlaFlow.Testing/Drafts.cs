using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Testing;

/// <summary>Requests as a submitter would make them, from CN-MOJ to TH-OAG, meeting Thailand's rules.</summary>
public static class Drafts
{
    public static NewAssistanceRequest Evidence(string facts = "Funds obtained by fraud were moved to an account in Bangkok.") => new(
        RequestKind.Evidence,
        new Party(CountryCode.Parse("TH"), AuthorityId.Parse("TH-OAG")),
        new LegalBasis(LegalBasisType.Treaty, "cn-th-mla-2003"),
        LanguageCode.Parse("en"),
        Urgency.Normal,
        null,
        facts,
        [new Offence("Fraud", "Criminal Law of the PRC, art. 266", new MaximumPenalty(PenaltyType.LifeImprisonment, null))],
        [],
        [new Measure(MeasureType.BankRecords, "Statements of account 123-4-56789-0.")],
        []);
}
