using System.Globalization;
using MlaFlow.Bench.OpenSsl;

namespace MlaFlow.Bench;

/// <summary><see cref="Times"/> × <see cref="Primitive"/>: part of what OpenSSL would do for one unit of a measurement's work.</summary>
internal sealed record Cost(double Times, OpenSslPrimitive Primitive);

/// <summary>
/// What OpenSSL alone would need for the work a measurement does, priced in primitives openssl measured: one
/// operation (or one byte) costs Σ times / rate(primitive) seconds, so OpenSSL's equivalent rate is the inverse.
/// </summary>
/// <param name="Costs">The primitives one unit of work takes; all counted in the measurement's unit.</param>
/// <param name="Note">What the costs stand for and what they leave out, for the report.</param>
internal sealed record OpenSslModel(IReadOnlyList<Cost> Costs, string Note)
{
    /// <summary>OpenSSL's rate for the whole work, or null if openssl did not measure one of the primitives.</summary>
    public double? Rate(OpenSslRates openssl)
    {
        var seconds = 0.0;
        foreach (var cost in Costs)
        {
            if (openssl.RateOf(cost.Primitive) is not { } rate)
            {
                return null;
            }

            seconds += cost.Times / rate;
        }

        return 1 / seconds;
    }

    /// <summary>The sum of the costs, e.g. "5 × X25519 key agreement + 1 × AES-256-GCM seal, 1 KiB record".</summary>
    public string Formula =>
        string.Join(" + ", Costs.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Times} × {c.Primitive.Name}")));

    /// <summary>Work that does both: the costs add up (e.g. an envelope is an HPKE seal+open and a sign+verify).</summary>
    public static OpenSslModel operator +(OpenSslModel first, OpenSslModel second) =>
        new([.. first.Costs, .. second.Costs], $"{first.Note} {second.Note}");
}
