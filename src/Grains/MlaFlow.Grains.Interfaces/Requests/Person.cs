using MlaFlow.Plugins.Sdk;
using NodaTime;

namespace MlaFlow.Grains.Requests;

/// <summary>A person concerned by a request. Only what the request needs: personal data is kept to the minimum.</summary>
public sealed record Person(
    PersonRole Role,
    PersonName Name,
    LocalDate? DateOfBirth,
    CountryCode? Nationality,
    IReadOnlyList<IdentityDocument> IdentityDocuments);
