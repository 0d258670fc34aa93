namespace MlaFlow.Workflows.Definitions;

/// <summary>A duration as a legal text states it: <paramref name="Amount"/> (1 or more) of <paramref name="Unit"/>.</summary>
public sealed record DurationSpec(DurationUnit Unit, int Amount)
{
    public override string ToString() => $"{Amount} {Unit}";
}
