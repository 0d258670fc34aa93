using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace MlaFlow.Messaging.Keys;

/// <summary>
/// A SHA-256 digest people compare, read aloud or over the phone, before trusting keys: shown as 16 groups
/// of 4 upper-case hex digits. Parsing ignores case, spaces, colons and hyphens, so a fingerprint pasted from
/// any of the usual layouts is accepted.
/// </summary>
public sealed record Fingerprint : IParsable<Fingerprint>
{
    private const int Bytes = 32;

    private Fingerprint(string hex) => Hex = hex;

    /// <summary>The 64 upper-case hex digits without separators.</summary>
    public string Hex { get; }

    /// <summary>Grouped for reading: <c>1A2B 3C4D …</c> (16 groups).</summary>
    public override string ToString()
    {
        var grouped = new StringBuilder(Hex.Length + (Hex.Length / 4));
        for (var i = 0; i < Hex.Length; i += 4)
        {
            grouped.Append(i == 0 ? "" : " ").Append(Hex, i, 4);
        }

        return grouped.ToString();
    }

    /// <exception cref="ArgumentException"><paramref name="digest"/> is not 32 bytes.</exception>
    internal static Fingerprint Of(ReadOnlySpan<byte> digest) =>
        digest.Length == Bytes ? new Fingerprint(Convert.ToHexString(digest)) : throw new ArgumentException("A fingerprint is a 32-byte SHA-256 digest.", nameof(digest));

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out Fingerprint result)
    {
        result = null;
        if (s is null || s.Length > 4 * Bytes * 2)
        {
            return false;
        }

        var hex = new string([.. s.Where(c => c is not (' ' or ':' or '-'))]).ToUpperInvariant();
        if (hex.Length == Bytes * 2 && hex.All(char.IsAsciiHexDigit))
        {
            result = new Fingerprint(hex);
        }

        return result is not null;
    }

    /// <exception cref="FormatException"><paramref name="s"/> is not 64 hex digits (separators aside).</exception>
    public static Fingerprint Parse(string s, IFormatProvider? provider = null) =>
        TryParse(s, provider, out var result) ? result : throw new FormatException("A fingerprint is 64 hex digits (spaces, colons and hyphens between them are ignored).");
}
