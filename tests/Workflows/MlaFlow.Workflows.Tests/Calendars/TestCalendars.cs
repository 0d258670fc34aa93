using MlaFlow.Workflows.Calendars;
using NodaTime;

namespace MlaFlow.Workflows.Tests.Calendars;

/// <summary>Calendars the tests count in. Each call builds a fresh, immutable calendar.</summary>
internal static class TestCalendars
{
    /// <summary>
    /// Thailand (UTC+7 all year, Saturday–Sunday weekend) with a few of its 2026 public holidays as
    /// data: New Year's Day (Thu 1 Jan), Chakri Day (Mon 6 Apr), Songkran (Mon 13 – Wed 15 Apr) and
    /// Coronation Day (Mon 4 May).
    /// </summary>
    public static BusinessCalendar Bangkok2026() => BusinessCalendar.Create("Asia/Bangkok", weekend: null,
    [
        new LocalDate(2026, 1, 1),
        new LocalDate(2026, 4, 6),
        new LocalDate(2026, 4, 13), new LocalDate(2026, 4, 14), new LocalDate(2026, 4, 15),
        new LocalDate(2026, 5, 4),
    ]);

    /// <summary>
    /// Germany (CET/CEST; clocks go forward on Sun 29 Mar 2026 and back on Sun 25 Oct 2026) with the
    /// Easter holidays of 2026: Good Friday (3 Apr) and Easter Monday (6 Apr).
    /// </summary>
    public static BusinessCalendar Berlin2026() => BusinessCalendar.Create("Europe/Berlin", weekend: null,
        [new LocalDate(2026, 4, 3), new LocalDate(2026, 4, 6)]);

    /// <summary>Germany with no weekend and no holidays: every day counts and can be a last day.</summary>
    public static BusinessCalendar BerlinEveryDayWorking() => BusinessCalendar.Create("Europe/Berlin", weekend: [], []);

    /// <summary>Saudi Arabia (UTC+3 all year) with its Friday–Saturday weekend and no holidays.</summary>
    public static BusinessCalendar RiyadhFridaySaturday() =>
        BusinessCalendar.Create("Asia/Riyadh", [IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday], []);

    /// <summary>The instant at which the calendar's zone shows this local date and time (which must exist there).</summary>
    public static Instant At(this BusinessCalendar calendar, int year, int month, int day, int hour, int minute) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(calendar.Zone).ToInstant();

    /// <summary>The last tick before <paramref name="nextMidnight"/>: how every day ends.</summary>
    public static Instant JustBefore(Instant nextMidnight) => nextMidnight - Duration.FromTicks(1);
}
