using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Workflows.Tests.Loading;

public sealed class StrictDurationTests
{
    [Fact]
    public void a_strict_period_of_calendar_days_loads()
    {
        var json = Samples.RequestedEvidence.Replace("\"after\": { \"workingDays\": 5 }", "\"after\": { \"calendarDays\": 60, \"strict\": true }", StringComparison.Ordinal);

        var task = (TaskStep)Load.Definition(json).Step("register");

        task.Deadline!.After.ShouldBe(new DurationSpec(DurationUnit.CalendarDays, 60, Strict: true));
    }

    [Fact]
    public void only_calendar_days_can_be_strict()
    {
        var json = Samples.RequestedEvidence.Replace("\"after\": { \"workingDays\": 5 }", "\"after\": { \"workingDays\": 5, \"strict\": true }", StringComparison.Ordinal);

        Load.Problems(json).ShouldHaveSingleItem().ShouldEndWith("$.steps[0].deadline.after.strict: Only a period of calendarDays can be strict; working days and hours never run on.");
    }
}
