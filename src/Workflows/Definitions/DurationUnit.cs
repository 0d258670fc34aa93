namespace MlaFlow.Workflows.Definitions;

public enum DurationUnit
{
    /// <summary>Days as on a calendar, ending at the end of the last day in the plugin's time zone.</summary>
    CalendarDays,

    /// <summary>Days that are neither weekend nor public holiday in the plugin's calendar.</summary>
    WorkingDays,

    /// <summary>Elapsed hours, whatever the calendar (e.g. an 8-hour emergency).</summary>
    Hours,
}
