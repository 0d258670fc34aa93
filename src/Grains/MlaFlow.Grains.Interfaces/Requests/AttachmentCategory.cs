namespace MlaFlow.Grains.Requests;

/// <summary>What an attached document is; requested states' rules ask for some by category (e.g. the warrant for an extradition).</summary>
public enum AttachmentCategory
{
    Warrant,
    Judgment,
    OffenceProvisions,
    Identification,
    Photograph,
    Fingerprints,
    Assurance,
    Translation,
    Evidence,
    Other,
}
