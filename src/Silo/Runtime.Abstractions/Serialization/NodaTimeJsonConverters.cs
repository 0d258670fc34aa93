using NodaTime;
using NodaTime.Text;

namespace MlaFlow.Runtime.Serialization;

/// <summary>The NodaTime values MlaFlow puts in JSON: events are instants, birth dates are local dates.</summary>
public static class NodaTimeJsonConverters
{
    /// <summary>An <see cref="NodaTime.Instant"/> as UTC text, <c>2026-03-02T09:00:00Z</c>.</summary>
    public static PatternJsonConverter<Instant> Instant { get; } = new(InstantPattern.ExtendedIso, "2026-03-02T09:00:00Z");

    /// <summary>A <see cref="NodaTime.LocalDate"/>, <c>1980-07-14</c>.</summary>
    public static PatternJsonConverter<LocalDate> LocalDate { get; } = new(LocalDatePattern.Iso, "1980-07-14");
}
