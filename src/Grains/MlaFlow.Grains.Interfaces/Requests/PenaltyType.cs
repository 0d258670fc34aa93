namespace MlaFlow.Grains.Requests;

/// <summary>The kind of the maximum penalty an offence carries. Death matters: many states require an assurance.</summary>
public enum PenaltyType
{
    Fine,
    Imprisonment,
    LifeImprisonment,
    Death,
}
