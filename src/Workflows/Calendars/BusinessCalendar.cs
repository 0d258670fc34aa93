using System.Collections.Immutable;
using NodaTime;

namespace MlaFlow.Workflows.Calendars;

/// <summary>
/// The working calendar of one state: the time zone its days are counted in, the days of the week
/// that are its weekend, and its public holidays. Legal deadlines are counted in whole local days of
/// this calendar (see <see cref="Deadlines"/>). Immutable; every rule is checked in the constructor.
/// </summary>
/// <remarks>
/// A class rather than a record: its sets would make a record's generated equality compare by
/// reference, and nothing needs to compare two calendars.
/// </remarks>
public sealed class BusinessCalendar
{
    /// <summary>
    /// How far <see cref="NextWorkingDayAfter"/> and <see cref="PreviousWorkingDayBefore"/> look, in
    /// years, before concluding the calendar has no working day (e.g. every day a holiday). No real
    /// calendar goes a month without one; the bound turns a data error into an exception instead of
    /// a search that runs to the end of time.
    /// </summary>
    public const int WorkingDaySearchYears = 10;

    /// <summary>
    /// How much earlier than the next local midnight a day ends, in ticks (100 ns): the end of a day
    /// is the last tick before the next day starts. A tick, not NodaTime's nanosecond, because it is
    /// the finest instant <see cref="DateTimeOffset"/> can carry, so an end of day survives a round
    /// trip through BCL types unchanged.
    /// </summary>
    public static readonly Duration EndOfDayMargin = Duration.FromTicks(1);

    /// <summary>Saturday and Sunday: the weekend when none is given.</summary>
    public static readonly ImmutableSortedSet<IsoDayOfWeek> SaturdaySunday =
        [IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];

    /// <summary>Creates a calendar.</summary>
    /// <param name="zone">The zone in which days begin and end.</param>
    /// <param name="weekend">
    /// The days of the week that are never working days; <see langword="null"/> for
    /// <see cref="SaturdaySunday"/>. May be empty (a seven-day working week) but not all seven days.
    /// Duplicates are ignored.
    /// </param>
    /// <param name="holidays">
    /// Public holidays, in any calendar system (they are kept as ISO dates); <see langword="null"/> for
    /// none. Duplicates are ignored.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="weekend"/> holds a value that is not a day of the week (e.g.
    /// <see cref="IsoDayOfWeek.None"/>), or all seven days.
    /// </exception>
    public BusinessCalendar(DateTimeZone zone, IEnumerable<IsoDayOfWeek>? weekend = null, IEnumerable<LocalDate>? holidays = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var days = weekend is null ? SaturdaySunday : weekend.ToImmutableSortedSet();
        foreach (var day in days)
        {
            if (day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
            {
                throw new ArgumentException($"'{day}' is not a day of the week; a weekend is made of Monday to Sunday.", nameof(weekend));
            }
        }
        if (days.Count == 7)
        {
            throw new ArgumentException("A weekend of all seven days leaves no working day; leave at least one day out.", nameof(weekend));
        }

        Zone = zone;
        Weekend = days;
        // LocalDate equality includes the calendar system: keep ISO dates only, so a holiday given in
        // another calendar is still found by IsWorkingDay.
        Holidays = (holidays ?? []).Select(d => d.WithCalendar(CalendarSystem.Iso)).ToImmutableSortedSet();
    }

    /// <summary>
    /// Creates a calendar for a time zone named by its IANA (TZDB) id, e.g. <c>Asia/Bangkok</c>, as
    /// <see cref="DateTimeZoneProviders.Tzdb"/> knows it.
    /// </summary>
    /// <param name="zoneId">An IANA time zone id; case-sensitive, as TZDB spells it.</param>
    /// <param name="weekend">See the constructor; <see langword="null"/> for Saturday and Sunday.</param>
    /// <param name="holidays">See the constructor.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="zoneId"/> is null, empty, or not a TZDB zone id; or <paramref name="weekend"/> is
    /// refused by the constructor.
    /// </exception>
    public static BusinessCalendar Create(string zoneId, IEnumerable<IsoDayOfWeek>? weekend, IEnumerable<LocalDate> holidays)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(zoneId);
        ArgumentNullException.ThrowIfNull(holidays);
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)
            ?? throw new ArgumentException(
                $"Unknown time zone '{zoneId}': use an IANA (TZDB {DateTimeZoneProviders.Tzdb.VersionId}) id such as 'Asia/Bangkok' or 'Europe/Berlin'.",
                nameof(zoneId));
        return new BusinessCalendar(zone, weekend, holidays);
    }

    /// <summary>The zone in which this calendar's days begin and end.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The days of the week that are never working days (fewer than seven).</summary>
    public ImmutableSortedSet<IsoDayOfWeek> Weekend { get; }

    /// <summary>The public holidays, as ISO dates.</summary>
    public ImmutableSortedSet<LocalDate> Holidays { get; }

    /// <summary>Whether <paramref name="date"/> is neither a weekend day nor a public holiday.</summary>
    /// <param name="date">A date in any calendar system.</param>
    public bool IsWorkingDay(LocalDate date) =>
        !Weekend.Contains(date.DayOfWeek) && !Holidays.Contains(date.WithCalendar(CalendarSystem.Iso));

    /// <summary>The local date, in <see cref="Zone"/>, on which <paramref name="instant"/> falls.</summary>
    public LocalDate DateOf(Instant instant) => instant.InZone(Zone).Date;

    /// <summary>
    /// The end of <paramref name="date"/> in <see cref="Zone"/>: the next day's start of day minus
    /// <see cref="EndOfDayMargin"/> (one tick). Usually 23:59:59.9999999 local time; taken from the
    /// zone's start of day so that days of 23 or 25 hours (daylight saving changes) and days whose
    /// midnight does not exist (a transition at 00:00) end at the right instant.
    /// </summary>
    public Instant EndOfDay(LocalDate date) =>
        Zone.AtStartOfDay(date.PlusDays(1)).ToInstant() - EndOfDayMargin;

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    /// <exception cref="InvalidOperationException">
    /// No working day within <see cref="WorkingDaySearchYears"/> years after <paramref name="date"/>.
    /// </exception>
    public LocalDate NextWorkingDayAfter(LocalDate date) => Search(date, +1);

    /// <summary>The last working day strictly before <paramref name="date"/>.</summary>
    /// <exception cref="InvalidOperationException">
    /// No working day within <see cref="WorkingDaySearchYears"/> years before <paramref name="date"/>.
    /// </exception>
    public LocalDate PreviousWorkingDayBefore(LocalDate date) => Search(date, -1);

    /// <summary><paramref name="date"/> if it is a working day, else the next working day after it.</summary>
    /// <exception cref="InvalidOperationException">
    /// No working day within <see cref="WorkingDaySearchYears"/> years after <paramref name="date"/>.
    /// </exception>
    public LocalDate WorkingDayOnOrAfter(LocalDate date) => IsWorkingDay(date) ? date : NextWorkingDayAfter(date);

    public override string ToString() =>
        $"{Zone.Id}, weekend {(Weekend.IsEmpty ? "none" : string.Join("+", Weekend))}, {Holidays.Count} holidays";

    private LocalDate Search(LocalDate date, int step)
    {
        var limit = date.PlusYears(step * WorkingDaySearchYears);
        for (var day = date.PlusDays(step); step > 0 ? day <= limit : day >= limit; day = day.PlusDays(step))
        {
            if (IsWorkingDay(day))
            {
                return day;
            }
        }
        throw new InvalidOperationException(
            $"Calendar {this} has no working day in the {WorkingDaySearchYears} years {(step > 0 ? "after" : "before")} {date:uuuu-MM-dd}; check its weekend and holidays.");
    }
}
