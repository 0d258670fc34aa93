using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Runtime.Tests.MultiNode;

/// <summary>Requests as a submitter would make them, for tests that go straight to the grains.</summary>
internal static class Drafts
{
    public static NewAssistanceRequest Evidence() => new(
        RequestKind.Evidence,
        new Party(CountryCode.Parse("TH"), AuthorityId.Parse("TH-OAG")),
        new LegalBasis(LegalBasisType.Treaty, "cn-th-mla-2003"),
        LanguageCode.Parse("en"),
        Urgency.Normal,
        null,
        "Funds obtained by fraud were moved to an account in Bangkok.",
        [new Offence("Fraud", "Criminal Law of the PRC, art. 266", new MaximumPenalty(PenaltyType.LifeImprisonment, null))],
        [],
        [new Measure(MeasureType.BankRecords, "Statements of account 123-4-56789-0, January to June 2026.")],
        []);
}
