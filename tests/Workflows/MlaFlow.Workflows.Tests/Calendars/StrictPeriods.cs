using MlaFlow.Workflows.Calendars;
using MlaFlow.Workflows.Definitions;
using static MlaFlow.Workflows.Tests.Calendars.TestCalendars;

namespace MlaFlow.Workflows.Tests.Calendars;

/// <summary>A maximum period (a detention limit) ends on its last day, even on a weekend: it never runs on.</summary>
public sealed class StrictPeriods
{
    [Fact]
    public void a_strict_period_ending_on_a_saturday_ends_that_saturday()
    {
        var bangkok = Bangkok2026();
        var arrested = bangkok.At(2026, 3, 2, 10, 0); // Monday; 5 days later is Saturday 7 March

        var limit = Deadlines.DueAt(arrested, new DurationSpec(DurationUnit.CalendarDays, 5, Strict: true), bangkok);
        var ordinary = Deadlines.DueAt(arrested, new DurationSpec(DurationUnit.CalendarDays, 5), bangkok);

        limit.ShouldBe(JustBefore(bangkok.At(2026, 3, 8, 0, 0)));
        ordinary.ShouldBe(JustBefore(bangkok.At(2026, 3, 10, 0, 0)));
    }
}
