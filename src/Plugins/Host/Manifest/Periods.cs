namespace MlaFlow.Plugins.Host.Manifest;

/// <summary>Periods in days set by law or treaty: how long a provisional arrest may last without a formal request, and the time to surrender.</summary>
public sealed record Periods(int? ProvisionalArrestDays, int? SurrenderDays);
