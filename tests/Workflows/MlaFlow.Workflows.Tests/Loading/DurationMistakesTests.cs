namespace MlaFlow.Workflows.Tests.Loading;

/// <summary>Timers and deadlines without a duration, and durations that are not exactly one whole amount of one unit.</summary>
public sealed class DurationMistakesTests
{
    [Fact]
    public void a_timer_without_a_duration_is_refused()
    {
        var json = Samples.RequestedEvidence.Replacing(
            "\"id\": \"execute\", \"type\": \"task\", \"role\": \"executing\", \"outcomes\": { \"done\": \"executed\" }",
            "\"id\": \"execute\", \"type\": \"timer\", \"outcomes\": { \"elapsed\": \"executed\" }");

        Load.Problems(json).ShouldBe(["requested-evidence.v1.json:18: $.steps[4].after: Missing: a timer waits a duration, e.g. { \"workingDays\": 5 }."]);
    }

    [Fact]
    public void a_deadline_without_a_duration_is_refused()
    {
        var json = Samples.RequestedEvidence.Replacing("\"deadline\": { \"after\": { \"workingDays\": 5 }, ", "\"deadline\": { ");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:10: $.steps[0].deadline.after: Missing: a deadline falls a duration after the step is entered, e.g. { \"workingDays\": 5 }.",
        ]);
    }

    [Fact]
    public void a_deadline_without_an_outcome_is_refused()
    {
        var json = Samples.RequestedEvidence.Replacing(", \"outcome\": \"overdue\" }", " }");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:10: $.steps[0].deadline.outcome: Missing: the outcome the step is left through when the deadline falls, e.g. \"overdue\".",
        ]);
    }

    [Fact]
    public void a_duration_in_two_units_is_refused()
    {
        var json = Samples.RequestedEvidence.Replacing("\"after\": { \"workingDays\": 5 }", "\"after\": { \"workingDays\": 5, \"hours\": 4 }");

        Load.Problems(json).ShouldBe(
            ["requested-evidence.v1.json:10: $.steps[0].deadline.after: Give exactly one of calendarDays, workingDays, hours, not workingDays and hours together."]);
    }

    [Fact]
    public void a_duration_in_an_unknown_unit_is_refused()
    {
        var json = Samples.RequestedEvidence.Replacing("\"after\": { \"workingDays\": 5 }", "\"after\": { \"days\": 5 }");

        Load.Problems(json).ShouldBe(
            ["requested-evidence.v1.json:10: $.steps[0].deadline.after.days: Unknown member 'days' in a duration; expected calendarDays, workingDays, hours, strict."]);
    }

    [Fact]
    public void a_duration_of_zero_days_is_refused()
    {
        var json = Samples.RequestedEvidence.Replacing("\"after\": { \"workingDays\": 5 }", "\"after\": { \"workingDays\": 0 }");

        Load.Problems(json).ShouldBe(["requested-evidence.v1.json:10: $.steps[0].deadline.after.workingDays: Must be a whole number from 1 to 3650 (got 0)."]);
    }

    [Fact]
    public void a_duration_of_part_of_a_day_is_refused()
    {
        var json = Samples.RequestedEvidence.Replacing("\"after\": { \"workingDays\": 5 }", "\"after\": { \"workingDays\": 2.5 }");

        Load.Problems(json).ShouldBe(["requested-evidence.v1.json:10: $.steps[0].deadline.after.workingDays: Must be a whole number from 1 to 3650 (got 2.5)."]);
    }

    [Fact]
    public void hours_may_count_up_to_ten_years()
    {
        var json = Samples.RequestedEvidence.Replacing("\"after\": { \"workingDays\": 5 }", "\"after\": { \"hours\": 87601 }");

        Load.Problems(json).ShouldBe(["requested-evidence.v1.json:10: $.steps[0].deadline.after.hours: Must be a whole number from 1 to 87600 (got 87601)."]);
    }

    [Fact]
    public void a_warning_no_earlier_than_the_deadline_is_refused()
    {
        var json = Samples.RequestedEvidence.Replacing("\"warnBefore\": { \"workingDays\": 1 }", "\"warnBefore\": { \"workingDays\": 5 }");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:10: $.steps[0].deadline.warnBefore: The warning (5 workingDays before) must be shorter than the duration it warns of (5 workingDays).",
        ]);
    }
}
