namespace MlaFlow.Grains.Requests;

/// <summary>
/// The request breaks the requested state's rules (legal basis, languages, required content); every
/// problem is listed, keyed by the field or rule concerned. Nothing was written.
/// </summary>
public sealed class RequestRejectedException(IReadOnlyDictionary<string, string[]> problems)
    : Exception("The request does not meet the requested state's rules: " + string.Join("; ", problems.SelectMany(p => p.Value.Select(m => $"{p.Key}: {m}"))))
{
    public IReadOnlyDictionary<string, string[]> Problems { get; } = problems;
}
