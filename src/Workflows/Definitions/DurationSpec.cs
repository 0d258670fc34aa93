namespace MlaFlow.Workflows.Definitions;

/// <summary>
/// A duration as a legal text states it: <paramref name="Amount"/> (1 or more) of <paramref name="Unit"/>.
/// <paramref name="Strict"/> marks a calendar-day period that is a maximum (of detention, say): it ends on its
/// last day even when that is not a working day, instead of running on to the next working day.
/// </summary>
public sealed record DurationSpec(DurationUnit Unit, int Amount, bool Strict = false)
{
    public override string ToString() => Strict ? $"{Amount} {Unit} (strict)" : $"{Amount} {Unit}";
}
