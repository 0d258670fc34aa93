using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Testing;
using NodaTime;

namespace MlaFlow.Grains.Tests.Exchange;

/// <summary>
/// Requests from CN-MOJ to TH-OAG of each kind, each meeting Thailand's form for its kind: the China–Thailand
/// treaty that covers it, and for an arrest the person identified, the warrant attached and an offence carrying
/// at least a year. The person sought is a Chinese national, so Thailand's nationality rule does not apply.
/// </summary>
internal static class ExchangeDrafts
{
    private static readonly Party Thailand = new(CountryCode.Parse("TH"), AuthorityId.Parse("TH-OAG"));

    private static readonly Offence Fraud = new("Fraud", "Criminal Law of the PRC, art. 266", new MaximumPenalty(PenaltyType.LifeImprisonment, null));

    private static readonly Person Sought = new(
        PersonRole.Accused, new PersonName("Zhang", "Wei", null, []), new LocalDate(1979, 11, 3), CountryCode.Parse("CN"), []);

    public static NewAssistanceRequest Evidence() => Drafts.Evidence();

    public static NewAssistanceRequest ProvisionalArrest() => new(
        RequestKind.ProvisionalArrest,
        Thailand,
        new LegalBasis(LegalBasisType.Treaty, "cn-th-extradition-1993"),
        LanguageCode.Parse("en"),
        Urgency.Urgent,
        "The person is about to leave Thailand; China undertakes to send the formal extradition request within the treaty's period.",
        "The accused defrauded investors in Shenzhen and fled to Bangkok.",
        [Fraud],
        [Sought],
        [new Measure(MeasureType.ArrestPerson, "Arrest the accused pending the formal extradition request.")],
        [Attachment(AttachmentCategory.Warrant), Attachment(AttachmentCategory.Identification)]);

    public static NewAssistanceRequest Extradition() => new(
        RequestKind.Extradition,
        Thailand,
        new LegalBasis(LegalBasisType.Treaty, "cn-th-extradition-1993"),
        LanguageCode.Parse("en"),
        Urgency.Normal,
        null,
        "The accused defrauded investors in Shenzhen and fled to Bangkok.",
        [Fraud],
        [Sought],
        [new Measure(MeasureType.SurrenderPerson, "Surrender the accused to stand trial in Shenzhen.")],
        [Attachment(AttachmentCategory.Warrant), Attachment(AttachmentCategory.OffenceProvisions), Attachment(AttachmentCategory.Identification)]);

    // No rule or step reads an attachment's content; a fixed digest stands for it.
    private static Attachment Attachment(AttachmentCategory category) =>
        new($"{category}.pdf", "application/pdf", 1024, new string('0', 64), category, null);
}
