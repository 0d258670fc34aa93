using MlaFlow.Workflows.Calendars;
using MlaFlow.Workflows.Definitions;
using NodaTime;
using static MlaFlow.Workflows.Tests.Calendars.TestCalendars;

namespace MlaFlow.Workflows.Tests.Calendars;

/// <summary><see cref="Deadlines.WarnAt"/>: when to warn that a deadline is near.</summary>
public class ComputingWarnings
{
    private static readonly BusinessCalendar Bangkok = Bangkok2026();

    /// <summary>Five working days from Thursday 9 April 2026: the end of Tuesday 21 April, Bangkok time.</summary>
    private static readonly Instant DueAfterSongkran =
        Deadlines.DueAt(Bangkok.At(2026, 4, 9, 10, 0), new DurationSpec(DurationUnit.WorkingDays, 5), Bangkok);

    [Fact]
    public void the_deadline_the_warnings_are_computed_for_is_the_end_of_tuesday_21_april()
    {
        DueAfterSongkran.ShouldBe(Bangkok.EndOfDay(new LocalDate(2026, 4, 21)));
    }

    [Fact]
    public void a_warning_in_hours_is_that_many_hours_before_the_deadline()
    {
        var warn = Deadlines.WarnAt(DueAfterSongkran, new DurationSpec(DurationUnit.Hours, 12), Bangkok);

        warn.ShouldBe(DueAfterSongkran - Duration.FromHours(12));
        warn.InZone(Bangkok.Zone).LocalDateTime.ShouldBe(new LocalDateTime(2026, 4, 21, 11, 59, 59).PlusTicks(9_999_999));
    }

    [Fact]
    public void a_warning_in_hours_across_the_autumn_change_in_berlin_is_elapsed_hours()
    {
        var berlin = BerlinEveryDayWorking();
        var due = berlin.At(2026, 10, 25, 5, 0); // CET; at 03:00 CEST clocks went back to 02:00 CET

        var warn = Deadlines.WarnAt(due, new DurationSpec(DurationUnit.Hours, 4), berlin);

        warn.ShouldBe(due - Duration.FromHours(4));
        warn.InZone(berlin.Zone).LocalDateTime.ShouldBe(new LocalDateTime(2026, 10, 25, 2, 0));
        warn.InZone(berlin.Zone).Offset.ShouldBe(Offset.FromHours(2)); // the first 02:00, still summer time
    }

    [Fact]
    public void a_warning_in_calendar_days_is_at_the_end_of_that_many_days_before_the_due_day_even_a_sunday()
    {
        var warn = Deadlines.WarnAt(DueAfterSongkran, new DurationSpec(DurationUnit.CalendarDays, 2), Bangkok);

        warn.ShouldBe(Bangkok.EndOfDay(new LocalDate(2026, 4, 19))); // Sunday: a reminder is not moved
    }

    [Fact]
    public void a_warning_of_one_working_day_is_at_the_end_of_the_working_day_before_the_due_day()
    {
        var warn = Deadlines.WarnAt(DueAfterSongkran, new DurationSpec(DurationUnit.WorkingDays, 1), Bangkok);

        warn.ShouldBe(JustBefore(Instant.FromUtc(2026, 4, 20, 17, 0))); // end of Monday 20 April
    }

    [Fact]
    public void a_warning_in_working_days_counts_back_over_the_weekend_and_songkran()
    {
        // Mon 20 (1), Fri 17 (2), Thu 16 (3); Songkran Wed 15 – Mon 13 and Sun 12, Sat 11 skipped; Fri 10 (4).
        var warn = Deadlines.WarnAt(DueAfterSongkran, new DurationSpec(DurationUnit.WorkingDays, 4), Bangkok);

        warn.ShouldBe(Bangkok.EndOfDay(new LocalDate(2026, 4, 10)));
    }

    [Fact]
    public void a_warning_in_days_before_a_deadline_in_hours_is_at_the_end_of_an_earlier_day()
    {
        var due = Deadlines.DueAt(Bangkok.At(2026, 3, 3, 9, 0), new DurationSpec(DurationUnit.Hours, 8), Bangkok);

        Deadlines.WarnAt(due, new DurationSpec(DurationUnit.CalendarDays, 1), Bangkok)
            .ShouldBe(Bangkok.EndOfDay(new LocalDate(2026, 3, 2)));
    }

    [Fact]
    public void a_warning_may_fall_before_the_period_started_and_is_still_computed()
    {
        var entered = Bangkok.At(2026, 3, 2, 9, 0);
        var due = Deadlines.DueAt(entered, new DurationSpec(DurationUnit.WorkingDays, 1), Bangkok);

        var warn = Deadlines.WarnAt(due, new DurationSpec(DurationUnit.WorkingDays, 3), Bangkok);

        warn.ShouldBeLessThan(entered); // callers skip a warning in the past
        warn.ShouldBe(Bangkok.EndOfDay(new LocalDate(2026, 2, 26)));
    }
}
