namespace MlaFlow.Bench.OpenSsl;

/// <summary>Rates of some <see cref="OpenSslPrimitive"/>s, each in its <see cref="OpenSslPrimitive.Unit"/>; immutable.</summary>
internal sealed class OpenSslRates
{
    private readonly Dictionary<OpenSslPrimitive, double> _rates;

    public OpenSslRates(IEnumerable<KeyValuePair<OpenSslPrimitive, double>> rates) => _rates = new(rates);

    /// <summary>No rates: what a run without openssl has.</summary>
    public static OpenSslRates None { get; } = new([]);

    /// <summary>The primitive's rate, or null if it was not measured.</summary>
    public double? RateOf(OpenSslPrimitive primitive) => _rates.TryGetValue(primitive, out var rate) ? rate : null;

    /// <summary>
    /// Each primitive's higher rate of the two. Of several runs on a shared machine the fastest is the one least
    /// disturbed by other work; MlaFlow's side is treated the same way.
    /// </summary>
    public OpenSslRates Best(OpenSslRates other) =>
        new(_rates.Keys.Union(other._rates.Keys).Select(p => KeyValuePair.Create(p, Math.Max(RateOf(p) ?? 0, other.RateOf(p) ?? 0))));
}
