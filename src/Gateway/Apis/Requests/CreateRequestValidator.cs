using System.Text.RegularExpressions;
using MlaFlow.Gateway.Files;
using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Gateway.Apis.Requests;

/// <summary>
/// Checks a submitted request against the rules every request obeys, whatever the states involved,
/// and builds the domain request. Country-specific rules belong to the requested state's plugin.
/// </summary>
public static partial class CreateRequestValidator
{
    /// <summary>
    /// The request, whole when the reader found no error. With errors, what could be read of it, so that the requested
    /// state's rules can be checked in the same answer (their problems' paths go through <see cref="FieldReader.PathInBody"/>):
    /// a field that could not be read counts as absent, a list holds the items that could be read; or null when those
    /// rules cannot be chosen or applied, for want of the kind, the requested authority, the legal basis or the language.
    /// </summary>
    public static NewAssistanceRequest? Read(CreateRequestBody body, AuthorityId requesting, FieldReader read)
    {
        var kind = read.Enum<RequestKind>(body.Kind, "kind");
        var requested = ReadRequested(read, body.Requested, requesting);
        var legalBasis = ReadLegalBasis(read, body.LegalBasis);
        var language = read.Parsed<LanguageCode>(body.Language, "language", "the ISO 639-1 code of the language the request is written in, such as en");
        var urgency = read.Enum<Urgency>(body.Urgency, "urgency", required: false) ?? Urgency.Normal;
        var urgencyReason = read.Text(body.UrgencyReason, "urgencyReason", RequestLimits.MaxTextLength, required: urgency != Urgency.Normal, multiline: true);
        var summary = read.Text(body.SummaryOfFacts, "summaryOfFacts", RequestLimits.MaxSummaryLength, multiline: true);
        var offences = read.List(body.Offences, "offences", 1, RequestLimits.MaxOffences, (o, path) => ReadOffence(read, o, path));
        var persons = read.List(body.Persons, "persons", 0, RequestLimits.MaxPersons, (p, path) => ReadPerson(read, p, path));
        var measures = read.List(body.Measures, "measures", kind == RequestKind.Evidence ? 1 : 0, RequestLimits.MaxMeasures, (m, path) => ReadMeasure(read, m, path));
        var attachments = read.List(body.Attachments, "attachments", 0, RequestLimits.MaxAttachments, (a, path) => ReadAttachment(read, a, path));

        if (kind is RequestKind.ProvisionalArrest or RequestKind.Extradition
            && !persons.Any(p => p.Role is PersonRole.Suspect or PersonRole.Accused or PersonRole.Convicted)
            && !read.Errors.Any)
        {
            read.Errors.Add("persons", "A provisional arrest or extradition request names the person sought (role suspect, accused or convicted).");
        }

        // Without errors every one of these was read (the summary is required).
        return kind is null || requested is null || legalBasis is null || language is null
            ? null
            : new NewAssistanceRequest(kind.Value, requested, legalBasis, language, urgency, urgencyReason, summary ?? "", offences, persons, measures, attachments);
    }

    private static Party? ReadRequested(FieldReader read, PartyBody? body, AuthorityId requesting)
    {
        if (!read.Required(body, "requested"))
        {
            return null;
        }

        var state = read.Country(body!.State, "requested.state");
        var authority = read.Parsed<AuthorityId>(body.Authority, "requested.authority", "a central authority id such as TH-OAG");
        if (state is null || authority is null)
        {
            return null;
        }

        if (authority.Country != state)
        {
            read.Errors.Add("requested.authority", $"{authority} is not an authority of {state}.");
            return null;
        }

        if (state == requesting.Country)
        {
            read.Errors.Add("requested.state", $"A request goes to another state; {state} is the requesting state.");
            return null;
        }

        return new Party(state, authority);
    }

    private static LegalBasis? ReadLegalBasis(FieldReader read, LegalBasisBody? body)
    {
        if (!read.Required(body, "legalBasis"))
        {
            return null;
        }

        var type = read.Enum<LegalBasisType>(body!.Type, "legalBasis.type");
        var treatyId = read.Text(body.TreatyId, "legalBasis.treatyId", 100, required: type == LegalBasisType.Treaty);
        if (treatyId is not null && type == LegalBasisType.Reciprocity)
        {
            read.Errors.Add("legalBasis.treatyId", "Reciprocity names no treaty.");
            return null;
        }

        if (treatyId is not null && !TreatyIdShape().IsMatch(treatyId))
        {
            read.Errors.Add("legalBasis.treatyId", "A treaty id is lower-case letters, digits, '-' and '.', e.g. asean-mlat-2004.");
            return null;
        }

        return type is null ? null : new LegalBasis(type.Value, treatyId);
    }

    private static Offence? ReadOffence(FieldReader read, OffenceBody body, string path)
    {
        var name = read.Text(body.Name, $"{path}.name", RequestLimits.MaxNameLength);
        var provision = read.Text(body.LegalProvision, $"{path}.legalProvision", RequestLimits.MaxTextLength, multiline: true);
        var penalty = ReadPenalty(read, body.MaximumPenalty, $"{path}.maximumPenalty");
        return name is null || provision is null || penalty is null ? null : new Offence(name, provision, penalty);
    }

    private static MaximumPenalty? ReadPenalty(FieldReader read, PenaltyBody? body, string path)
    {
        if (!read.Required(body, path))
        {
            return null;
        }

        var type = read.Enum<PenaltyType>(body!.Type, $"{path}.type");
        if (type == PenaltyType.Imprisonment && body.Months is not (>= 1 and <= RequestLimits.MaxPenaltyMonths))
        {
            read.Errors.Add($"{path}.months", $"Imprisonment needs its term in months, 1 to {RequestLimits.MaxPenaltyMonths}.");
            return null;
        }

        if (type is not null and not PenaltyType.Imprisonment && body.Months is not null)
        {
            read.Errors.Add($"{path}.months", "Only imprisonment has a term in months.");
            return null;
        }

        return type is null ? null : new MaximumPenalty(type.Value, body.Months);
    }

    private static Person? ReadPerson(FieldReader read, PersonBody body, string path)
    {
        var role = read.Enum<PersonRole>(body.Role, $"{path}.role");
        var name = ReadName(read, body.Name, $"{path}.name");
        var dateOfBirth = read.Date(body.DateOfBirth, $"{path}.dateOfBirth");
        var nationality = read.Country(body.Nationality, $"{path}.nationality", required: false);
        var documents = read.List(body.IdentityDocuments, $"{path}.identityDocuments", 0, RequestLimits.MaxIdentityDocuments, (d, p) => ReadDocument(read, d, p));
        return role is null || name is null ? null : new Person(role.Value, name, dateOfBirth, nationality, documents);
    }

    private static PersonName? ReadName(FieldReader read, PersonNameBody? body, string path)
    {
        if (!read.Required(body, path))
        {
            return null;
        }

        // Some names have no family name (most Burmese names, for one), so either part alone will do.
        var family = read.Name(body!.FamilyName, $"{path}.familyName", RequestLimits.MaxNameLength, required: false);
        var given = read.Name(body.GivenNames, $"{path}.givenNames", RequestLimits.MaxNameLength, required: false);
        if (family is null && given is null)
        {
            read.Errors.Add(path, "A family name or given names are required.");
            return null;
        }

        var original = read.Name(body.OriginalScript, $"{path}.originalScript", RequestLimits.MaxNameLength, required: false);
        var aliases = read.List(body.Aliases, $"{path}.aliases", 0, RequestLimits.MaxAliases,
            (alias, p) => read.Name(alias, p, RequestLimits.MaxNameLength));
        return new PersonName(family ?? "", given ?? "", original, aliases);
    }

    private static IdentityDocument? ReadDocument(FieldReader read, IdentityDocumentBody body, string path)
    {
        var type = read.Enum<IdentityDocumentType>(body.Type, $"{path}.type");
        var number = read.Name(body.Number, $"{path}.number", 50);
        var issuer = read.Country(body.IssuingState, $"{path}.issuingState");
        return type is null || number is null || issuer is null ? null : new IdentityDocument(type.Value, number, issuer);
    }

    private static Measure? ReadMeasure(FieldReader read, MeasureBody body, string path)
    {
        var type = read.Enum<MeasureType>(body.Type, $"{path}.type");
        var description = read.Text(body.Description, $"{path}.description", RequestLimits.MaxTextLength, multiline: true);
        return type is null || description is null ? null : new Measure(type.Value, description);
    }

    private static Attachment? ReadAttachment(FieldReader read, AttachmentBody body, string path)
    {
        var name = read.Text(body.Name, $"{path}.name", EvidenceFileRules.MaxNameLength);
        if (name is not null && EvidenceFileRules.NameProblem(name) is { } problem)
        {
            read.Errors.Add($"{path}.name", problem);
            name = null;
        }

        var mediaType = read.Text(body.MediaType, $"{path}.mediaType", 127);
        if (mediaType is not null && !MediaTypeShape().IsMatch(mediaType))
        {
            read.Errors.Add($"{path}.mediaType", "A media type such as application/pdf.");
            mediaType = null;
        }

        if (body.Size is not (>= 0 and <= RequestLimits.MaxAttachmentBytes))
        {
            read.Errors.Add($"{path}.size", $"The size in bytes, 0 to {RequestLimits.MaxAttachmentBytes}.");
        }

        var sha256 = read.Text(body.Sha256, $"{path}.sha256", 64)?.ToLowerInvariant();
        if (sha256 is not null && !Sha256Shape().IsMatch(sha256))
        {
            read.Errors.Add($"{path}.sha256", "The SHA-256 of the file: 64 hexadecimal digits.");
            sha256 = null;
        }

        var category = read.Enum<AttachmentCategory>(body.Category, $"{path}.category");
        var language = read.Parsed<LanguageCode>(body.Language, $"{path}.language", "the ISO 639-1 code of the language it is written in, such as th",
            required: category == AttachmentCategory.Translation);
        return name is null || mediaType is null || sha256 is null || category is null || body.Size is not (>= 0 and <= RequestLimits.MaxAttachmentBytes)
            ? null
            : new Attachment(name, mediaType, body.Size.Value, sha256, category.Value, language);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{0,99}\\z")]
    private static partial Regex TreatyIdShape();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,62}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,62}\z")]
    private static partial Regex MediaTypeShape();

    [GeneratedRegex("^[0-9a-f]{64}\\z")]
    private static partial Regex Sha256Shape();
}
