using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace MlaFlow.Plugins.Sdk;

/// <summary>
/// A central authority: its state's code, a hyphen, and 2–16 upper-case letters or digits naming the
/// office (<c>CN-MOJ</c>, the Ministry of Justice of China; <c>TH-OAG</c>, Thailand's Office of the Attorney General).
/// </summary>
[JsonConverter(typeof(ParsableJsonConverter<AuthorityId>))]
public sealed partial record AuthorityId : IParsable<AuthorityId>
{
    private AuthorityId(CountryCode country, string value) => (Country, Value) = (country, value);

    public CountryCode Country { get; }

    public string Value { get; }

    public override string ToString() => Value;

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out AuthorityId result)
    {
        result = s is not null && Shape().IsMatch(s) && CountryCode.TryParse(s[..2], provider, out var country)
            ? new AuthorityId(country, s)
            : null;
        return result is not null;
    }

    /// <exception cref="FormatException"><paramref name="s"/> is not of the form CC-NAME.</exception>
    public static AuthorityId Parse(string s, IFormatProvider? provider = null) =>
        TryParse(s, provider, out var result) ? result
        : throw new FormatException($"'{s}' is not a central authority id such as CN-MOJ (country code, hyphen, 2-16 capitals or digits).");

    [GeneratedRegex("^[A-Z]{2}-[A-Z0-9]{2,16}\\z")]
    private static partial Regex Shape();
}
