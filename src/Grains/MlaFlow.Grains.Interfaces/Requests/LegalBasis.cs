namespace MlaFlow.Grains.Requests;

/// <summary>The legal basis a request names; <paramref name="TreatyId"/> is set exactly when it is a treaty (e.g. <c>asean-mlat-2004</c>).</summary>
public sealed record LegalBasis(LegalBasisType Type, string? TreatyId);
