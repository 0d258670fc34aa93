using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace MlaFlow.Messaging.Keys;

/// <summary>
/// Names a key: the first 16 bytes of its <see cref="Fingerprint"/>, as 32 lower-case hex digits. Derived from
/// the public key, so an id is stable and self-certifying: whoever holds the key can check the id belongs to it,
/// and no file or bundle can attach a known id to another key.
/// </summary>
public sealed partial record KeyId : IParsable<KeyId>
{
    /// <summary>Hex digits in an id.</summary>
    public const int Length = 32;

    private KeyId(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    /// <summary>The id of <paramref name="fingerprint"/>'s key.</summary>
    internal static KeyId Of(Fingerprint fingerprint) => new(fingerprint.Hex[..Length].ToLowerInvariant());

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out KeyId result)
    {
        result = s is not null && Shape().IsMatch(s) ? new KeyId(s) : null;
        return result is not null;
    }

    /// <exception cref="FormatException"><paramref name="s"/> is not 32 lower-case hex digits.</exception>
    public static KeyId Parse(string s, IFormatProvider? provider = null) =>
        TryParse(s, provider, out var result) ? result : throw new FormatException($"'{s}' is not a key id (32 lower-case hex digits).");

    [GeneratedRegex("^[0-9a-f]{32}\\z")]
    private static partial Regex Shape();
}
