namespace MlaFlow.Grains.Requests;

/// <summary>The maximum penalty; <paramref name="Months"/> is the term, set exactly for <see cref="PenaltyType.Imprisonment"/>.</summary>
public sealed record MaximumPenalty(PenaltyType Type, int? Months);
