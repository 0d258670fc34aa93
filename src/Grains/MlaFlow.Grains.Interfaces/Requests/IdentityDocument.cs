using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Grains.Requests;

/// <summary>A document that identifies a person, and the state that issued it.</summary>
public sealed record IdentityDocument(IdentityDocumentType Type, string Number, CountryCode IssuingState);
