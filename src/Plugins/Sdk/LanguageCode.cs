using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace MlaFlow.Plugins.Sdk;

/// <summary>A language, as an ISO 639-1 code in lower case (<c>zh</c>, <c>th</c>, <c>km</c>, <c>lo</c>, <c>my</c>, <c>vi</c>, <c>en</c>).</summary>
[JsonConverter(typeof(ParsableJsonConverter<LanguageCode>))]
public sealed record LanguageCode : IParsable<LanguageCode>
{
    // ISO 639-1 two-letter codes, as maintained by the ISO 639 registration authority.
    private static readonly HashSet<string> Assigned = [.. """
        aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu
        fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km
        kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om
        or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr
        ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)];

    private LanguageCode(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out LanguageCode result)
    {
        result = s is not null && Assigned.Contains(s) ? new LanguageCode(s) : null;
        return result is not null;
    }

    /// <exception cref="FormatException"><paramref name="s"/> is not an ISO 639-1 code.</exception>
    public static LanguageCode Parse(string s, IFormatProvider? provider = null) =>
        TryParse(s, provider, out var result) ? result
        : throw new FormatException($"'{s}' is not an ISO 639-1 language code such as th or zh.");
}
