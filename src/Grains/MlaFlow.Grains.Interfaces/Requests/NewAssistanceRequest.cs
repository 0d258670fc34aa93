using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// A request as its author submits it, already checked against <see cref="RequestLimits"/>. The
/// requesting side is not part of it: it is the authority of the user who submits.
/// </summary>
public sealed record NewAssistanceRequest(
    RequestKind Kind,
    Party Requested,
    LegalBasis LegalBasis,
    LanguageCode Language,
    Urgency Urgency,
    string? UrgencyReason,
    string SummaryOfFacts,
    IReadOnlyList<Offence> Offences,
    IReadOnlyList<Person> Persons,
    IReadOnlyList<Measure> Measures,
    IReadOnlyList<Attachment> Attachments);
