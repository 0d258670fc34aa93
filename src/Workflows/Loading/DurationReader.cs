using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Workflows.Loading;

/// <summary>
/// Reads a duration: exactly one of <c>calendarDays</c>, <c>workingDays</c>, <c>hours</c> with a whole
/// amount. The caps (ten years, in days or hours) are far beyond any treaty time limit and catch a
/// slipped digit before it becomes a deadline nobody will see fall.
/// </summary>
internal static class DurationReader
{
    public const string Example = "{ \"workingDays\": 5 }";

    private static readonly (string Name, DurationUnit Unit, int Max)[] Units =
    [
        ("calendarDays", DurationUnit.CalendarDays, 3650),
        ("workingDays", DurationUnit.WorkingDays, 3650),
        ("hours", DurationUnit.Hours, 87600),
    ];

    private static readonly string[] UnitNames = [.. Units.Select(u => u.Name)];

    /// <summary>Marks a maximum period (e.g. of detention) that must not run on past a weekend or holiday.</summary>
    private const string Strict = "strict";

    /// <summary>The duration in <paramref name="member"/> of <paramref name="owner"/>; missing is reported only when <paramref name="missingHint"/> is given.</summary>
    public static DurationSpec? Read(ObjectReader owner, string member, string? missingHint)
    {
        if (owner.Object(member, $"a duration such as {Example}", missingHint) is not { } duration)
        {
            return null;
        }

        duration.RejectUnknown("a duration", [.. UnitNames, Strict]);
        var given = Units.Where(u => duration.Has(u.Name)).ToList();
        switch (given.Count)
        {
            case 0:
                // An object holding only unknown members has been reported already; say more only when it has nothing else.
                if (!duration.Element.EnumerateObject().Any(m => m.Name != Strict))
                {
                    duration.Problems.Add(duration.Path, $"Give exactly one of {Quote.List(UnitNames)}, e.g. {Example}.");
                }

                return null;
            case > 1:
                duration.Problems.Add(duration.Path,
                    $"Give exactly one of {Quote.List(UnitNames)}, not {string.Join(" and ", given.Select(u => u.Name))} together.");
                return null;
        }

        var (name, unit, max) = given[0];
        var strict = duration.Has(Strict) ? duration.Boolean(Strict) : false;
        if (strict == true && unit != DurationUnit.CalendarDays)
        {
            duration.Problems.Add(duration.PathOf(Strict), "Only a period of calendarDays can be strict; working days and hours never run on.");
            return null;
        }

        return duration.Integer(name, 1, max, missingHint: null) is { } amount && strict is not null ? new DurationSpec(unit, amount, strict.Value) : null;
    }

    /// <summary>
    /// A warning must come before what it warns of. Only durations in the same unit are compared: working
    /// days against calendar days depend on the holidays in between, which are not known at load.
    /// </summary>
    public static void CheckWarning(ObjectReader owner, DurationSpec? after, DurationSpec? warnBefore, string warnMember)
    {
        if (after is not null && warnBefore is not null && after.Unit == warnBefore.Unit && warnBefore.Amount >= after.Amount)
        {
            owner.Problems.Add(owner.PathOf(warnMember),
                $"The warning ({Show(warnBefore)} before) must be shorter than the duration it warns of ({Show(after)}).");
        }
    }

    public static string Show(DurationSpec duration) => $"{duration.Amount} {Units.Single(u => u.Unit == duration.Unit).Name}";
}
