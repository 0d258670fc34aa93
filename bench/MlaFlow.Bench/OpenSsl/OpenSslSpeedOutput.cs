using System.Globalization;

namespace MlaFlow.Bench.OpenSsl;

/// <summary>
/// Reads what <c>openssl speed -mr</c> prints on standard output: one result per line, <c>+Tag:field:field…</c>
/// (apps/speed.c; the same from OpenSSL 1.1.1 to 3.x). The lines read here:
/// <list type="bullet">
/// <item><c>+H:1024</c>: the block sizes, in bytes, of the cipher and digest lines that follow;</item>
/// <item><c>+F:25:AES-256-GCM:1074723840.00</c>: a cipher or digest, bytes per second at each of those block sizes;</item>
/// <item><c>+F4:3:256:39037.373737:13277.551020</c>: ECDSA on a curve of that many bits, signatures and verifications per second;</item>
/// <item><c>+F5:22:253:21062.000000:0.000047</c>: ECDH on a curve of that many bits (X25519 is 253), operations per second, seconds per operation;</item>
/// <item><c>+F6:0:253:Ed25519:19088.000000:7377.000000</c>: EdDSA on the named curve, signatures and verifications per second.</item>
/// </list>
/// The second field is openssl's internal index and is ignored. Rates are per wall-clock second when openssl ran with
/// <c>-elapsed</c>, per second of its CPU time otherwise.
/// </summary>
internal static class OpenSslSpeedOutput
{
    /// <summary>Bytes per second of <paramref name="algorithm"/> (as openssl names it, any case) at <paramref name="blockSize"/>.</summary>
    /// <exception cref="FormatException">No such result, or it is not a positive number.</exception>
    public static double CipherBytesPerSecond(string output, string algorithm, int blockSize)
    {
        int[]? blockSizes = null;
        foreach (var fields in Results(output))
        {
            if (fields[0] == "+H")
            {
                blockSizes = [.. fields.Skip(1).Select(f => int.Parse(f, NumberStyles.None, CultureInfo.InvariantCulture))];
            }
            else if (fields[0] == "+F" && fields.Length > 3 && fields[2].Equals(algorithm, StringComparison.OrdinalIgnoreCase))
            {
                var column = blockSizes is null ? -1 : Array.IndexOf(blockSizes, blockSize);
                if (column < 0 || 3 + column >= fields.Length)
                {
                    throw new FormatException($"openssl reported {algorithm} but not at {blockSize}-byte blocks.");
                }

                return Rate(fields[3 + column]);
            }
        }

        throw new FormatException($"openssl reported no result for {algorithm}.");
    }

    /// <summary>ECDH operations per second on the curve of <paramref name="bits"/> bits (253 for X25519, 256 for P-256).</summary>
    /// <exception cref="FormatException">No such result, or it is not a positive number.</exception>
    public static double EcdhPerSecond(string output, int bits) =>
        Rate(Find(output, "+F5", 5, f => f[2] == bits.ToString(CultureInfo.InvariantCulture), $"ECDH on {bits} bits")[3]);

    /// <summary>ECDSA signatures and verifications per second on the curve of <paramref name="bits"/> bits.</summary>
    /// <exception cref="FormatException">No such result, or a rate is not a positive number.</exception>
    public static (double Sign, double Verify) EcdsaPerSecond(string output, int bits)
    {
        var fields = Find(output, "+F4", 5, f => f[2] == bits.ToString(CultureInfo.InvariantCulture), $"ECDSA on {bits} bits");
        return (Rate(fields[3]), Rate(fields[4]));
    }

    /// <summary>EdDSA signatures and verifications per second on <paramref name="curve"/> (e.g. <c>Ed25519</c>).</summary>
    /// <exception cref="FormatException">No such result, or a rate is not a positive number.</exception>
    public static (double Sign, double Verify) EddsaPerSecond(string output, string curve)
    {
        var fields = Find(output, "+F6", 6, f => f[3].Equals(curve, StringComparison.OrdinalIgnoreCase), curve);
        return (Rate(fields[4]), Rate(fields[5]));
    }

    private static string[] Find(string output, string tag, int minimumFields, Func<string[], bool> matches, string what) =>
        Results(output).FirstOrDefault(f => f[0] == tag && f.Length >= minimumFields && matches(f))
        ?? throw new FormatException($"openssl reported no result for {what}.");

    private static IEnumerable<string[]> Results(string output) =>
        output.Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith('+')).Select(line => line.Split(':'));

    private static double Rate(string field) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && double.IsFinite(rate) && rate > 0
            ? rate
            : throw new FormatException($"openssl reported '{field}' where a rate was expected.");
}
