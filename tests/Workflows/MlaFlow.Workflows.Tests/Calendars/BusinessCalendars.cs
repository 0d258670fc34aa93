using MlaFlow.Workflows.Calendars;
using NodaTime;
using NodaTime.Text;
using static MlaFlow.Workflows.Tests.Calendars.TestCalendars;

namespace MlaFlow.Workflows.Tests.Calendars;

/// <summary>What a <see cref="BusinessCalendar"/> is made of, which days it works, and where its days end.</summary>
public class BusinessCalendars
{
    [Fact]
    public void without_a_weekend_given_saturday_and_sunday_are_the_weekend()
    {
        var calendar = BusinessCalendar.Create("Asia/Bangkok", weekend: null, []);

        calendar.Weekend.ShouldBe([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday]);
        calendar.IsWorkingDay(new LocalDate(2026, 3, 6)).ShouldBeTrue(); // Friday
        calendar.IsWorkingDay(new LocalDate(2026, 3, 7)).ShouldBeFalse(); // Saturday
        calendar.IsWorkingDay(new LocalDate(2026, 3, 8)).ShouldBeFalse(); // Sunday
        calendar.IsWorkingDay(new LocalDate(2026, 3, 9)).ShouldBeTrue(); // Monday
    }

    [Fact]
    public void a_public_holiday_is_not_a_working_day()
    {
        var bangkok = Bangkok2026();

        bangkok.IsWorkingDay(new LocalDate(2026, 4, 13)).ShouldBeFalse(); // Songkran, a Monday
        bangkok.IsWorkingDay(new LocalDate(2026, 4, 16)).ShouldBeTrue(); // the Thursday after it
    }

    [Fact]
    public void a_friday_saturday_weekend_works_on_sunday()
    {
        var riyadh = RiyadhFridaySaturday();

        riyadh.IsWorkingDay(new LocalDate(2026, 3, 5)).ShouldBeTrue(); // Thursday
        riyadh.IsWorkingDay(new LocalDate(2026, 3, 6)).ShouldBeFalse(); // Friday
        riyadh.IsWorkingDay(new LocalDate(2026, 3, 7)).ShouldBeFalse(); // Saturday
        riyadh.IsWorkingDay(new LocalDate(2026, 3, 8)).ShouldBeTrue(); // Sunday
    }

    [Fact]
    public void a_holiday_given_in_another_calendar_system_falls_on_the_same_day()
    {
        var songkran = new LocalDate(2026, 4, 13);
        var calendar = BusinessCalendar.Create("Asia/Bangkok", null, [songkran.WithCalendar(CalendarSystem.PersianSimple)]);

        calendar.IsWorkingDay(songkran).ShouldBeFalse();
        calendar.IsWorkingDay(songkran.WithCalendar(CalendarSystem.Gregorian)).ShouldBeFalse();
        calendar.Holidays.ShouldBe([songkran]);
    }

    [Fact]
    public void changing_the_lists_it_was_built_from_does_not_change_the_calendar()
    {
        List<IsoDayOfWeek> weekend = [IsoDayOfWeek.Sunday];
        List<LocalDate> holidays = [new LocalDate(2026, 4, 13)];
        var calendar = BusinessCalendar.Create("Asia/Bangkok", weekend, holidays);

        weekend.Add(IsoDayOfWeek.Monday);
        holidays.Add(new LocalDate(2026, 4, 14));

        calendar.Weekend.ShouldBe([IsoDayOfWeek.Sunday]);
        calendar.Holidays.ShouldBe([new LocalDate(2026, 4, 13)]);
        calendar.IsWorkingDay(new LocalDate(2026, 4, 14)).ShouldBeTrue();
    }

    [Fact]
    public void an_unknown_zone_id_is_refused_with_a_message_naming_it()
    {
        var refused = Should.Throw<ArgumentException>(() => BusinessCalendar.Create("Asia/Bangkock", null, []));

        refused.ParamName.ShouldBe("zoneId");
        refused.Message.ShouldContain("Unknown time zone 'Asia/Bangkock'");
        refused.Message.ShouldContain("IANA");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void an_empty_zone_id_is_refused(string zoneId)
    {
        Should.Throw<ArgumentException>(() => BusinessCalendar.Create(zoneId, null, [])).ParamName.ShouldBe("zoneId");
    }

    [Fact]
    public void a_weekend_of_all_seven_days_is_refused()
    {
        var refused = Should.Throw<ArgumentException>(() => BusinessCalendar.Create("Europe/Berlin", Enum.GetValues<IsoDayOfWeek>().Skip(1), []));

        refused.ParamName.ShouldBe("weekend");
        refused.Message.ShouldContain("all seven days");
    }

    [Fact]
    public void a_weekend_day_that_is_not_a_day_of_the_week_is_refused()
    {
        Should.Throw<ArgumentException>(() => BusinessCalendar.Create("Europe/Berlin", [IsoDayOfWeek.None], []))
            .ParamName.ShouldBe("weekend");
        Should.Throw<ArgumentException>(() => BusinessCalendar.Create("Europe/Berlin", [(IsoDayOfWeek)8], []))
            .ParamName.ShouldBe("weekend");
    }

    [Fact]
    public void a_day_in_bangkok_ends_one_tick_before_the_next_local_midnight_which_is_17_00_utc()
    {
        var end = Bangkok2026().EndOfDay(new LocalDate(2026, 4, 21));

        // Bangkok is UTC+7: 22 April 00:00 local is 21 April 17:00 UTC.
        end.ShouldBe(JustBefore(Instant.FromUtc(2026, 4, 21, 17, 0)));
        InstantPattern.ExtendedIso.Format(end).ShouldBe("2026-04-21T16:59:59.9999999Z");
        end.InZone(Bangkok2026().Zone).LocalDateTime.ShouldBe(new LocalDateTime(2026, 4, 21, 23, 59, 59).PlusTicks(9_999_999));
    }

    [Fact]
    public void the_day_clocks_go_forward_in_berlin_has_23_hours_and_ends_at_the_next_midnight_in_summer_time()
    {
        var berlin = Berlin2026();

        var start = berlin.Zone.AtStartOfDay(new LocalDate(2026, 3, 29)).ToInstant();
        var end = berlin.EndOfDay(new LocalDate(2026, 3, 29));

        end.ShouldBe(JustBefore(Instant.FromUtc(2026, 3, 29, 22, 0))); // 30 March 00:00 CEST (UTC+2)
        (end - start).ShouldBe(Duration.FromHours(23) - Duration.FromTicks(1));
    }

    [Fact]
    public void the_day_clocks_go_back_in_berlin_has_25_hours_and_ends_at_the_next_midnight_in_winter_time()
    {
        var berlin = Berlin2026();

        var start = berlin.Zone.AtStartOfDay(new LocalDate(2026, 10, 25)).ToInstant();
        var end = berlin.EndOfDay(new LocalDate(2026, 10, 25));

        end.ShouldBe(JustBefore(Instant.FromUtc(2026, 10, 25, 23, 0))); // 26 October 00:00 CET (UTC+1)
        (end - start).ShouldBe(Duration.FromHours(25) - Duration.FromTicks(1));
    }

    [Fact]
    public void a_day_before_one_whose_midnight_does_not_exist_ends_when_that_day_starts()
    {
        // Brazil's summer time began on 4 November 2018 at 00:00, which became 01:00 (UTC-2).
        var saoPaulo = BusinessCalendar.Create("America/Sao_Paulo", null, []);

        saoPaulo.EndOfDay(new LocalDate(2018, 11, 3)).ShouldBe(JustBefore(Instant.FromUtc(2018, 11, 4, 3, 0)));
    }

    [Fact]
    public void the_date_of_an_instant_is_its_local_date_in_the_calendars_zone_not_in_utc()
    {
        // 2 March 2026 18:30 UTC is already 3 March 01:30 in Bangkok.
        Bangkok2026().DateOf(Instant.FromUtc(2026, 3, 2, 18, 30)).ShouldBe(new LocalDate(2026, 3, 3));
    }
}
