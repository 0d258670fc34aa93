using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// A request's id, numbered by its requesting authority per year: <c>CN-MOJ-2026-000042</c>.
/// The id alone tells an officer whose request it is and when it was opened.
/// </summary>
[JsonConverter(typeof(ParsableJsonConverter<RequestId>))]
public sealed partial record RequestId : IParsable<RequestId>
{
    public const int MaxNumber = 999_999;

    private RequestId(AuthorityId authority, int year, int number, string value) => (Authority, Year, Number, Value) = (authority, year, number, value);

    public AuthorityId Authority { get; }

    public int Year { get; }

    public int Number { get; }

    public string Value { get; }

    public override string ToString() => Value;

    /// <exception cref="ArgumentOutOfRangeException">The year is not 2000–9999 or the number not 1–999999.</exception>
    public static RequestId Create(AuthorityId authority, int year, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, MaxNumber);
        return new RequestId(authority, year, number, string.Create(CultureInfo.InvariantCulture, $"{authority}-{year:D4}-{number:D6}"));
    }

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out RequestId result)
    {
        result = null;
        var match = s is null ? null : Shape().Match(s);
        if (match is not { Success: true } || !AuthorityId.TryParse(match.Groups["authority"].Value, provider, out var authority))
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var number = int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
        result = year >= 2000 && number >= 1 ? new RequestId(authority, year, number, s!) : null;
        return result is not null;
    }

    /// <exception cref="FormatException"><paramref name="s"/> is not of the form CC-NAME-YYYY-NNNNNN.</exception>
    public static RequestId Parse(string s, IFormatProvider? provider = null) =>
        TryParse(s, provider, out var result) ? result
        : throw new FormatException($"'{s}' is not a request id such as CN-MOJ-2026-000042.");

    [GeneratedRegex("^(?<authority>[A-Z]{2}-[A-Z0-9]{2,16})-(?<year>[0-9]{4})-(?<number>[0-9]{6})\\z")]
    private static partial Regex Shape();
}
