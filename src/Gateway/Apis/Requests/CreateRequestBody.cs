namespace MlaFlow.Gateway.Apis.Requests;

/// <summary>
/// The body of <c>POST /api/v1/requests</c>, as sent. Every member is optional here so that all missing
/// or malformed fields are reported together by <see cref="CreateRequestValidator"/>, each under its path.
/// </summary>
public sealed record CreateRequestBody(
    string? Kind,
    PartyBody? Requested,
    LegalBasisBody? LegalBasis,
    string? Language,
    string? Urgency,
    string? UrgencyReason,
    string? SummaryOfFacts,
    List<OffenceBody?>? Offences,
    List<PersonBody?>? Persons,
    List<MeasureBody?>? Measures,
    List<AttachmentBody?>? Attachments);

public sealed record PartyBody(string? State, string? Authority);

public sealed record LegalBasisBody(string? Type, string? TreatyId);

public sealed record OffenceBody(string? Name, string? LegalProvision, PenaltyBody? MaximumPenalty);

public sealed record PenaltyBody(string? Type, int? Months);

public sealed record PersonBody(string? Role, PersonNameBody? Name, string? DateOfBirth, string? Nationality, List<IdentityDocumentBody?>? IdentityDocuments);

public sealed record PersonNameBody(string? FamilyName, string? GivenNames, string? OriginalScript, List<string?>? Aliases);

public sealed record IdentityDocumentBody(string? Type, string? Number, string? IssuingState);

public sealed record MeasureBody(string? Type, string? Description);

public sealed record AttachmentBody(string? Name, string? MediaType, long? Size, string? Sha256, string? Category, string? Language);
