namespace MlaFlow.Plugins.Sdk.Extensions;

/// <summary>How a custom step is left.</summary>
/// <param name="Outcome">One of the step's declared outcomes.</param>
/// <param name="Detail">What officers and auditors should read in the request's history (what was checked, what was found); at most 500 characters.</param>
public sealed record CustomStepResult(string Outcome, string? Detail = null);
