using MlaFlow.Workflows.Calendars;
using MlaFlow.Workflows.Definitions;
using NodaTime;
using static MlaFlow.Workflows.Tests.Calendars.TestCalendars;

namespace MlaFlow.Workflows.Tests.Calendars;

/// <summary>Periods out of range and calendars without working days fail loudly instead of computing nonsense.</summary>
public class RefusingAbsurdInput
{
    private static readonly Instant Entered = Instant.FromUtc(2026, 3, 2, 2, 0); // Monday 09:00 in Bangkok

    [Theory]
    [InlineData(DurationUnit.CalendarDays, 0)]
    [InlineData(DurationUnit.CalendarDays, -1)]
    [InlineData(DurationUnit.CalendarDays, 3651)]
    [InlineData(DurationUnit.WorkingDays, 0)]
    [InlineData(DurationUnit.WorkingDays, 3651)]
    [InlineData(DurationUnit.Hours, 0)]
    [InlineData(DurationUnit.Hours, 87601)]
    public void a_period_outside_1_to_3650_days_or_87600_hours_is_refused(DurationUnit unit, int amount)
    {
        var period = new DurationSpec(unit, amount);

        var due = Should.Throw<ArgumentOutOfRangeException>(() => Deadlines.DueAt(Entered, period, Bangkok2026()));
        var warn = Should.Throw<ArgumentOutOfRangeException>(() => Deadlines.WarnAt(Entered, period, Bangkok2026()));

        due.ParamName.ShouldBe("after");
        warn.ParamName.ShouldBe("warnBefore");
        due.Message.ShouldContain($"got {amount}");
    }

    [Theory]
    [InlineData(DurationUnit.CalendarDays, 3650)]
    [InlineData(DurationUnit.WorkingDays, 3650)]
    [InlineData(DurationUnit.Hours, 87600)]
    public void the_longest_periods_allowed_are_computed(DurationUnit unit, int amount)
    {
        var period = new DurationSpec(unit, amount);

        Deadlines.DueAt(Entered, period, Bangkok2026()).ShouldBeGreaterThan(Entered + Duration.FromDays(3649));
        Deadlines.WarnAt(Entered, period, Bangkok2026()).ShouldBeLessThan(Entered - Duration.FromDays(3649));
    }

    [Fact]
    public void an_unknown_duration_unit_is_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Deadlines.DueAt(Entered, new DurationSpec((DurationUnit)99, 1), Bangkok2026()))
            .ParamName.ShouldBe("after");
    }

    [Fact]
    public void a_calendar_with_every_day_a_holiday_gives_a_clear_error_for_days_but_still_computes_hours()
    {
        var start = new LocalDate(2026, 1, 1);
        var everyDay = Enumerable.Range(0, 4100).Select(start.PlusDays); // 2026 to mid-2037
        var calendar = BusinessCalendar.Create("Asia/Bangkok", null, everyDay);

        var working = Should.Throw<InvalidOperationException>(
            () => Deadlines.DueAt(Entered, new DurationSpec(DurationUnit.WorkingDays, 1), calendar));
        Should.Throw<InvalidOperationException>(
            () => Deadlines.DueAt(Entered, new DurationSpec(DurationUnit.CalendarDays, 1), calendar));

        working.Message.ShouldContain("Asia/Bangkok");
        working.Message.ShouldContain("no working day in the 10 years after 2026-03-02");
        Deadlines.DueAt(Entered, new DurationSpec(DurationUnit.Hours, 1), calendar).ShouldBe(Entered + Duration.FromHours(1));
    }

    [Fact]
    public void a_working_day_exactly_ten_years_later_is_still_found()
    {
        var entryDay = new LocalDate(2026, 3, 2);
        var calendar = SevenDayWeekWithHolidays(entryDay.PlusDays(1), entryDay.PlusYears(10).PlusDays(-1));

        Deadlines.DueAt(Entered, new DurationSpec(DurationUnit.WorkingDays, 1), calendar)
            .ShouldBe(calendar.EndOfDay(new LocalDate(2036, 3, 2)));
    }

    [Fact]
    public void no_working_day_within_ten_years_stops_the_search_with_an_error()
    {
        var entryDay = new LocalDate(2026, 3, 2);
        var calendar = SevenDayWeekWithHolidays(entryDay.PlusDays(1), entryDay.PlusYears(10));

        Should.Throw<InvalidOperationException>(() => Deadlines.DueAt(Entered, new DurationSpec(DurationUnit.WorkingDays, 1), calendar));
    }

    [Fact]
    public void counting_working_days_back_for_a_warning_stops_after_ten_years_too()
    {
        var dueDay = new LocalDate(2036, 3, 2);
        var calendar = SevenDayWeekWithHolidays(dueDay.PlusYears(-10), dueDay.PlusDays(-1));

        var refused = Should.Throw<InvalidOperationException>(
            () => Deadlines.WarnAt(calendar.EndOfDay(dueDay), new DurationSpec(DurationUnit.WorkingDays, 1), calendar));

        refused.Message.ShouldContain("before 2036-03-02");
    }

    /// <summary>Bangkok with no weekend and a holiday on every day from <paramref name="first"/> to <paramref name="last"/>.</summary>
    private static BusinessCalendar SevenDayWeekWithHolidays(LocalDate first, LocalDate last)
    {
        var holidays = new List<LocalDate>();
        for (var day = first; day <= last; day = day.PlusDays(1))
        {
            holidays.Add(day);
        }
        return BusinessCalendar.Create("Asia/Bangkok", weekend: [], holidays);
    }
}
