using MlaFlow.Workflows.Calendars;
using MlaFlow.Workflows.Definitions;
using NodaTime;
using static MlaFlow.Workflows.Tests.Calendars.TestCalendars;

namespace MlaFlow.Workflows.Tests.Calendars;

/// <summary><see cref="Deadlines.DueAt"/>: when a period that starts with an event falls due.</summary>
public class ComputingDueDates
{
    private static DurationSpec Hours(int n) => new(DurationUnit.Hours, n);
    private static DurationSpec CalendarDays(int n) => new(DurationUnit.CalendarDays, n);
    private static DurationSpec WorkingDays(int n) => new(DurationUnit.WorkingDays, n);

    [Fact]
    public void hours_are_elapsed_hours_so_across_the_spring_change_in_berlin_the_clock_moves_one_hour_more()
    {
        var berlin = Berlin2026();
        var entered = berlin.At(2026, 3, 29, 1, 0); // 01:00 CET; at 02:00 clocks jump to 03:00 CEST

        var due = Deadlines.DueAt(entered, Hours(3), berlin);

        due.ShouldBe(entered + Duration.FromHours(3));
        due.InZone(berlin.Zone).LocalDateTime.ShouldBe(new LocalDateTime(2026, 3, 29, 5, 0));
    }

    [Fact]
    public void hours_ignore_weekends_and_holidays()
    {
        var bangkok = Bangkok2026();
        var entered = bangkok.At(2026, 4, 12, 20, 0); // Sunday evening, the day before Songkran

        Deadlines.DueAt(entered, Hours(8), bangkok).ShouldBe(bangkok.At(2026, 4, 13, 4, 0));
    }

    [Fact]
    public void calendar_days_start_the_day_after_entry_and_end_at_the_end_of_the_last_day()
    {
        var bangkok = Bangkok2026();
        var entered = bangkok.At(2026, 3, 2, 23, 30); // Monday, late: the Monday still does not count

        var due = Deadlines.DueAt(entered, CalendarDays(1), bangkok);

        due.ShouldBe(JustBefore(Instant.FromUtc(2026, 3, 3, 17, 0))); // end of Tuesday 3 March, Bangkok time
    }

    [Fact]
    public void calendar_days_count_from_the_local_date_of_entry_not_the_utc_date()
    {
        var bangkok = Bangkok2026();
        var entered = Instant.FromUtc(2026, 3, 2, 18, 30); // Monday in UTC, but Tuesday 01:30 in Bangkok

        Deadlines.DueAt(entered, CalendarDays(1), bangkok).ShouldBe(bangkok.EndOfDay(new LocalDate(2026, 3, 4)));
    }

    [Fact]
    public void calendar_days_count_weekends_and_holidays_inside_the_period()
    {
        var bangkok = Bangkok2026();
        var entered = bangkok.At(2026, 4, 9, 10, 0); // Thursday before Songkran

        // Fri 10, Sat 11, Sun 12, Mon 13 – Wed 15 (Songkran), Thu 16: the 7th day is a working day.
        Deadlines.DueAt(entered, CalendarDays(7), bangkok).ShouldBe(bangkok.EndOfDay(new LocalDate(2026, 4, 16)));
    }

    [Fact]
    public void calendar_days_ending_on_a_saturday_end_at_the_end_of_the_next_monday()
    {
        var berlin = Berlin2026();
        var entered = berlin.At(2026, 3, 2, 9, 0); // Monday

        var due = Deadlines.DueAt(entered, CalendarDays(5), berlin); // the 5th day is Saturday 7 March

        due.ShouldBe(JustBefore(Instant.FromUtc(2026, 3, 9, 23, 0))); // end of Monday 9 March, CET (UTC+1)
    }

    [Fact]
    public void calendar_days_ending_on_a_holiday_end_at_the_end_of_the_next_working_day()
    {
        var berlin = Berlin2026();
        var entered = berlin.At(2026, 3, 31, 9, 0); // Tuesday before Easter

        // The 3rd day is Good Friday; then Saturday, Sunday, Easter Monday: the period ends on Tuesday 7 April.
        var due = Deadlines.DueAt(entered, CalendarDays(3), berlin);

        due.ShouldBe(JustBefore(Instant.FromUtc(2026, 4, 7, 22, 0))); // end of Tuesday 7 April, CEST (UTC+2)
    }

    [Fact]
    public void calendar_days_ending_on_the_day_clocks_go_back_end_at_the_next_local_midnight_25_hours_after_it_began()
    {
        var berlin = BerlinEveryDayWorking();
        var entered = berlin.At(2026, 10, 24, 12, 0);

        var due = Deadlines.DueAt(entered, CalendarDays(1), berlin);

        due.ShouldBe(JustBefore(Instant.FromUtc(2026, 10, 25, 23, 0))); // 26 October 00:00 CET
    }

    [Fact]
    public void calendar_days_ending_on_a_friday_in_a_friday_saturday_week_end_on_sunday()
    {
        var riyadh = RiyadhFridaySaturday();
        var entered = riyadh.At(2026, 3, 3, 10, 0); // Tuesday

        var due = Deadlines.DueAt(entered, CalendarDays(3), riyadh); // the 3rd day is Friday 6 March

        due.ShouldBe(JustBefore(Instant.FromUtc(2026, 3, 8, 21, 0))); // end of Sunday 8 March, UTC+3
    }

    [Fact]
    public void working_days_skip_the_weekend_and_songkran()
    {
        var bangkok = Bangkok2026();
        var entered = bangkok.At(2026, 4, 9, 10, 0); // Thursday before Songkran

        // Fri 10 (1); Sat 11, Sun 12, Songkran Mon 13 – Wed 15 skipped; Thu 16 (2), Fri 17 (3), Mon 20 (4), Tue 21 (5).
        var due = Deadlines.DueAt(entered, WorkingDays(5), bangkok);

        due.ShouldBe(JustBefore(Instant.FromUtc(2026, 4, 21, 17, 0))); // end of Tuesday 21 April, UTC+7
    }

    [Fact]
    public void one_working_day_from_the_friday_before_chakri_day_is_the_tuesday()
    {
        var bangkok = Bangkok2026();
        var entered = bangkok.At(2026, 4, 3, 16, 0); // Friday; Monday 6 April is Chakri Day

        Deadlines.DueAt(entered, WorkingDays(1), bangkok).ShouldBe(bangkok.EndOfDay(new LocalDate(2026, 4, 7)));
    }

    [Fact]
    public void working_days_do_not_count_the_day_of_entry_even_when_it_is_a_working_day()
    {
        var bangkok = Bangkok2026();
        var entered = bangkok.At(2026, 3, 2, 0, 5); // Monday, just after midnight

        Deadlines.DueAt(entered, WorkingDays(1), bangkok).ShouldBe(bangkok.EndOfDay(new LocalDate(2026, 3, 3)));
    }

    [Fact]
    public void working_days_entered_on_a_holiday_start_counting_at_the_next_working_day()
    {
        var bangkok = Bangkok2026();
        var entered = bangkok.At(2026, 4, 14, 10, 0); // Songkran

        Deadlines.DueAt(entered, WorkingDays(1), bangkok).ShouldBe(bangkok.EndOfDay(new LocalDate(2026, 4, 16)));
    }

    [Fact]
    public void working_days_in_a_friday_saturday_week_skip_friday_and_saturday()
    {
        var riyadh = RiyadhFridaySaturday();
        var entered = riyadh.At(2026, 3, 4, 10, 0); // Wednesday

        // Thu 5 (1); Fri 6, Sat 7 skipped; Sun 8 (2).
        Deadlines.DueAt(entered, WorkingDays(2), riyadh).ShouldBe(JustBefore(Instant.FromUtc(2026, 3, 8, 21, 0)));
    }
}
