using Orleans;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// The request breaks the requested state's rules (legal basis, languages, required content); every
/// problem is listed, keyed by the field or rule concerned. Nothing was written.
/// </summary>
/// <remarks>Serialized by Orleans' generated code, so the problems arrive whole whichever silo refused the request.</remarks>
[GenerateSerializer]
public sealed class RequestRejectedException : Exception
{
    public RequestRejectedException(IReadOnlyDictionary<string, string[]> problems)
        : base("The request does not meet the requested state's rules: " + string.Join("; ", problems.SelectMany(p => p.Value.Select(m => $"{p.Key}: {m}"))))
        => Problems = problems;

    [Id(0)]
    public IReadOnlyDictionary<string, string[]> Problems { get; private set; }
}
