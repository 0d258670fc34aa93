namespace MlaFlow.Grains.Requests;

/// <summary>One measure sought, described precisely enough to execute.</summary>
public sealed record Measure(MeasureType Type, string Description);
