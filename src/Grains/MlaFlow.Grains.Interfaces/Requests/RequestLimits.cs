namespace MlaFlow.Grains.Requests;

/// <summary>Bounds on what one request may hold, so no input can exhaust memory or storage.</summary>
public static class RequestLimits
{
    public const int MaxBodyBytes = 256 * 1024;
    public const int MaxSummaryLength = 20_000;
    public const int MaxTextLength = 2_000;
    public const int MaxNameLength = 200;
    public const int MaxOffences = 50;
    public const int MaxPersons = 50;
    public const int MaxAliases = 10;
    public const int MaxIdentityDocuments = 10;
    public const int MaxMeasures = 50;
    public const int MaxAttachments = 100;
    public const int MaxNoteLength = 4_000;

    /// <summary>Files one request may hold, uploaded and received together.</summary>
    public const int MaxFiles = 100;
    public const int MaxPenaltyMonths = 12 * 100;

    /// <summary>An attachment may be large (evidence files); its bytes travel separately from the request.</summary>
    public const long MaxAttachmentBytes = 64L * 1024 * 1024 * 1024;
}
