using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace MlaFlow.Plugins.Sdk;

/// <summary>
/// A state, as an officially assigned ISO 3166-1 alpha-2 code (<c>CN</c>, <c>TH</c>), upper case; or one of the codes
/// ISO 3166-1 leaves to users (<c>XA</c> to <c>XZ</c>), for sample and test states such as the sample plugin's.
/// </summary>
[JsonConverter(typeof(ParsableJsonConverter<CountryCode>))]
public sealed record CountryCode : IParsable<CountryCode>
{
    // ISO 3166-1 alpha-2, officially assigned codes (249), as maintained by the ISO 3166 Maintenance Agency.
    private static readonly HashSet<string> Assigned = [.. """
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
        CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
        GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO
        JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR
        MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO
        RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV
        TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)];

    private CountryCode(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out CountryCode result)
    {
        result = s is not null && (Assigned.Contains(s) || IsUserAssigned(s)) ? new CountryCode(s) : null;
        return result is not null;
    }

    /// <exception cref="FormatException"><paramref name="s"/> is not an ISO 3166-1 alpha-2 code.</exception>
    public static CountryCode Parse(string s, IFormatProvider? provider = null) =>
        TryParse(s, provider, out var result) ? result
        : throw new FormatException($"'{s}' is not an ISO 3166-1 alpha-2 country code such as CN or TH.");

    // Only the X block of the user-assigned codes: no real state will ever be given one, and one block is enough.
    private static bool IsUserAssigned(string s) => s is ['X', >= 'A' and <= 'Z'];
}
