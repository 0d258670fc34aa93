namespace MlaFlow.Grains.Requests;

public enum IdentityDocumentType
{
    Passport,
    NationalIdentityCard,
    ResidencePermit,
    DrivingLicence,
    Other,
}
