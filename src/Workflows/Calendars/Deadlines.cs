using MlaFlow.Workflows.Definitions;
using NodaTime;

namespace MlaFlow.Workflows.Calendars;

/// <summary>
/// When a deadline or timer (docs/workflows.md, "Steps") falls due, and when its warning falls, in the
/// responsible state's <see cref="BusinessCalendar"/>. Pure functions of their arguments: the moment a
/// step was entered is passed in (it comes from the injected clock), never read here.
/// </summary>
/// <remarks>
/// <para>
/// Periods in days follow Regulation (EEC, Euratom) No 1182/71 of 3 June 1971 determining the rules
/// applicable to periods, dates and time limits (OJ L 124, 8.6.1971, p. 1), the common European way of
/// counting legal periods:
/// </para>
/// <list type="bullet">
/// <item>art. 3(1): the day during which the event occurs is not counted; the period starts on the next day;</item>
/// <item>art. 3(2)(b): a period in days ends with the expiry of the last hour of its last day, here the
/// end of that local day (<see cref="BusinessCalendar.EndOfDay"/>: the last tick before the next local
/// midnight);</item>
/// <item>art. 3(3): weekends and public holidays inside a period in calendar days are counted;</item>
/// <item>art. 3(4): if the last day of such a period is a public holiday, Saturday or Sunday (here: not a
/// working day of the calendar, so a Friday–Saturday weekend is honoured too), the period ends at the
/// end of the following working day.</item>
/// </list>
/// <para>
/// Deliberate differences: a period in hours runs exactly that many elapsed hours from the event,
/// without art. 3(1)'s rule that the hour of the event is not counted (an 8-hour emergency means
/// eight hours); and art. 3(5) (a period of two days or more includes at least two working days) is not
/// applied. Warnings are not moved off weekends or holidays: they are reminders, not legal limits.
/// </para>
/// </remarks>
public static class Deadlines
{
    /// <summary>The largest period in calendar or working days accepted: 3650 days, about ten years.</summary>
    public const int MaxDays = 3650;

    /// <summary>The largest period in hours accepted: 87600 hours, the same ten years.</summary>
    public const int MaxHours = MaxDays * 24;

    /// <summary>When a period of <paramref name="after"/> that starts at <paramref name="enteredAt"/> falls due.</summary>
    /// <param name="enteredAt">The event that starts the period (e.g. the step being entered).</param>
    /// <param name="after">The period, 1 to <see cref="MaxDays"/> days or 1 to <see cref="MaxHours"/> hours.</param>
    /// <param name="calendar">The calendar of the state responsible for the deadline.</param>
    /// <returns>
    /// <list type="bullet">
    /// <item><see cref="DurationUnit.Hours"/> N: exactly <paramref name="enteredAt"/> + N hours, whatever
    /// the calendar, so across a daylight saving change the local clock shows N ± 1 hours later.</item>
    /// <item><see cref="DurationUnit.CalendarDays"/> N: the day of entry (its local date in the calendar's
    /// zone) is not counted; the period ends at the end of the Nth day after it, or, if that day is not a
    /// working day, at the end of the next working day (Regulation 1182/71, art. 3(1), 3(2)(b), 3(4)) — unless
    /// the period is <see cref="DurationSpec.Strict"/>, a maximum such as a detention limit, which ends on its
    /// Nth day whatever day that is.</item>
    /// <item><see cref="DurationUnit.WorkingDays"/> N: the end of the Nth working day after the local date of
    /// entry (the day of entry is not counted, even if it is a working day).</item>
    /// </list>
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="after"/> or <paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The unit is unknown or the amount is out of range.</exception>
    /// <exception cref="InvalidOperationException">
    /// The calendar has no working day within <see cref="BusinessCalendar.WorkingDaySearchYears"/> years of
    /// a day the count needed one after.
    /// </exception>
    public static Instant DueAt(Instant enteredAt, DurationSpec after, BusinessCalendar calendar)
    {
        CheckPeriod(after, nameof(after));
        ArgumentNullException.ThrowIfNull(calendar);
        var entryDay = calendar.DateOf(enteredAt);
        return after.Unit switch
        {
            DurationUnit.Hours => enteredAt + Duration.FromHours(after.Amount),
            DurationUnit.CalendarDays when after.Strict => calendar.EndOfDay(entryDay.PlusDays(after.Amount)),
            DurationUnit.CalendarDays => calendar.EndOfDay(calendar.WorkingDayOnOrAfter(entryDay.PlusDays(after.Amount))),
            DurationUnit.WorkingDays => calendar.EndOfDay(CountWorkingDays(calendar, entryDay, after.Amount, forward: true)),
            _ => throw UnknownUnit(after, nameof(after)),
        };
    }

    /// <summary>When to warn that a deadline due at <paramref name="dueAt"/> is near.</summary>
    /// <param name="dueAt">The deadline, usually from <see cref="DueAt"/>.</param>
    /// <param name="warnBefore">How long before, 1 to <see cref="MaxDays"/> days or 1 to <see cref="MaxHours"/> hours.</param>
    /// <param name="calendar">The calendar the deadline was computed in.</param>
    /// <returns>
    /// Always earlier than <paramref name="dueAt"/>, and possibly already past: callers skip a warning
    /// that is in the past.
    /// <list type="bullet">
    /// <item><see cref="DurationUnit.Hours"/> N: exactly <paramref name="dueAt"/> − N hours.</item>
    /// <item><see cref="DurationUnit.CalendarDays"/> N: the end of the day N calendar days before the due
    /// day (the local date of <paramref name="dueAt"/>), whether or not it is a working day.</item>
    /// <item><see cref="DurationUnit.WorkingDays"/> N: the end of the Nth working day before the due day.</item>
    /// </list>
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="warnBefore"/> or <paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The unit is unknown or the amount is out of range.</exception>
    /// <exception cref="InvalidOperationException">
    /// The calendar has no working day within <see cref="BusinessCalendar.WorkingDaySearchYears"/> years
    /// before a day the count needed one before.
    /// </exception>
    public static Instant WarnAt(Instant dueAt, DurationSpec warnBefore, BusinessCalendar calendar)
    {
        CheckPeriod(warnBefore, nameof(warnBefore));
        ArgumentNullException.ThrowIfNull(calendar);
        var dueDay = calendar.DateOf(dueAt);
        return warnBefore.Unit switch
        {
            DurationUnit.Hours => dueAt - Duration.FromHours(warnBefore.Amount),
            DurationUnit.CalendarDays => calendar.EndOfDay(dueDay.PlusDays(-warnBefore.Amount)),
            DurationUnit.WorkingDays => calendar.EndOfDay(CountWorkingDays(calendar, dueDay, warnBefore.Amount, forward: false)),
            _ => throw UnknownUnit(warnBefore, nameof(warnBefore)),
        };
    }

    /// <summary>The <paramref name="count"/>th working day after (or before) <paramref name="from"/>, which is not counted.</summary>
    private static LocalDate CountWorkingDays(BusinessCalendar calendar, LocalDate from, int count, bool forward)
    {
        var day = from;
        for (var i = 0; i < count; i++)
        {
            day = forward ? calendar.NextWorkingDayAfter(day) : calendar.PreviousWorkingDayBefore(day);
        }
        return day;
    }

    private static void CheckPeriod(DurationSpec period, string paramName)
    {
        ArgumentNullException.ThrowIfNull(period, paramName);
        var max = period.Unit switch
        {
            DurationUnit.Hours => MaxHours,
            DurationUnit.CalendarDays or DurationUnit.WorkingDays => MaxDays,
            _ => throw UnknownUnit(period, paramName),
        };
        if (period.Amount < 1 || period.Amount > max)
        {
            throw new ArgumentOutOfRangeException(paramName, period.Amount,
                $"A period in {period.Unit} must be 1 to {max}; got {period.Amount}.");
        }
    }

    private static ArgumentOutOfRangeException UnknownUnit(DurationSpec period, string paramName) =>
        new(paramName, period.Unit, $"Unknown duration unit '{period.Unit}'.");
}
