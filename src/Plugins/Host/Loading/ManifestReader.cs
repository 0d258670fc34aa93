using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MlaFlow.Plugins.Host.Manifest;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Workflows.Calendars;
using MlaFlow.Workflows.Loading;
using NodaTime;
using NodaTime.Text;

namespace MlaFlow.Plugins.Host.Loading;

/// <summary>Reads <c>plugin.json</c> (docs/plugins.md) and reports every problem with its path.</summary>
internal static partial class ManifestReader
{
    private static readonly string[] Members =
        ["id", "country", "name", "version", "sdkVersion", "timeZone", "weekend", "holidays", "authorities", "requestLanguages",
         "legalBases", "reciprocity", "periods", "facts", "assembly"];

    private const int MaxDays = 3650;

    public static PluginManifest? Read(JsonElement root, ProblemReport problems)
    {
        if (ObjectReader.Of(root, "$", problems, "the plugin manifest object") is not { } plugin)
        {
            return null;
        }

        plugin.RejectUnknown("the plugin manifest", Members);
        var id = plugin.String("id", "the plugin id, e.g. \"th\"", text => IdShape().IsMatch(text) ? null : "Lower-case letters, digits and '-', starting with a letter.", 32);
        var country = plugin.String("country", "the ISO 3166-1 alpha-2 code, e.g. \"TH\"", text => CountryCode.TryParse(text, null, out _) ? null : $"'{text}' is not an ISO 3166-1 alpha-2 code.");
        var name = plugin.String("name", "the state's name");
        var version = plugin.String("version", "the plugin's version, e.g. \"1.0.0\"", text => VersionShape().IsMatch(text) ? null : "A version such as 1.0.0.", 32);
        var sdk = plugin.Integer("sdkVersion", PluginManifest.SupportedSdkVersion, PluginManifest.SupportedSdkVersion, $"the SDK version ({PluginManifest.SupportedSdkVersion})");
        var calendar = ReadCalendar(plugin);
        var countryCode = country is null ? null : CountryCode.Parse(country);
        var authorities = ReadAuthorities(plugin, countryCode);
        var languages = plugin.Strings("requestLanguages", "an ISO 639-1 code", Language, "the languages requests may be written in", min: 1);
        var legalBases = ReadLegalBases(plugin);
        var reciprocity = plugin.Object("reciprocity", "an object { \"kinds\": [...] }", missingHint: null) is { } r
            ? ReadReciprocity(r)
            : new HashSet<RequestKind>();
        var periods = plugin.Object("periods", "an object of periods in days", missingHint: null) is { } p ? ReadPeriods(p) : new Periods(null, null);
        var facts = ReadFacts(plugin);
        var assembly = ReadAssembly(plugin);

        return id is null || countryCode is null || name is null || version is null || sdk is null || calendar is null || authorities is null
               || languages is null || legalBases is null || reciprocity is null || periods is null || facts is null
            ? null
            : new PluginManifest(id, countryCode, name, version, sdk.Value, calendar, authorities, languages, legalBases, reciprocity, periods, facts, assembly);
    }

    private static BusinessCalendar? ReadCalendar(ObjectReader plugin)
    {
        var zone = plugin.String("timeZone", "the IANA time zone, e.g. \"Asia/Bangkok\"", text => DateTimeZoneProviders.Tzdb.GetZoneOrNull(text) is null ? $"'{text}' is not an IANA time zone id such as Asia/Bangkok." : null, 64);
        var weekend = plugin.Has("weekend")
            ? plugin.Strings("weekend", "a day such as \"saturday\"", Day, missingHint: null, max: 6)
            : [new DayValue(IsoDayOfWeek.Saturday), new DayValue(IsoDayOfWeek.Sunday)];
        IReadOnlyList<DateValue>? holidays = [];
        if (plugin.Object("holidays", "an object { \"note\": ..., \"dates\": [...] }", missingHint: null) is { } block)
        {
            block.RejectUnknown("holidays", ["note", "dates"]);
            block.String("note", missingHint: null, maxLength: 1000);
            holidays = block.Strings("dates", "an ISO date such as \"2026-04-13\"", Date, "the public holidays", max: 1000);
        }

        if (zone is null || weekend is null || holidays is null)
        {
            return null;
        }

        try
        {
            return BusinessCalendar.Create(zone, weekend.Select(d => d.Value), holidays.Select(d => d.Value));
        }
        catch (ArgumentException e)
        {
            plugin.Problems.Add(plugin.PathOf("weekend"), e.Message);
            return null;
        }
    }

    private static IReadOnlyList<AuthorityEntry>? ReadAuthorities(ObjectReader plugin, CountryCode? country)
    {
        if (plugin.Array("authorities", "an array of central authorities", "the state's central authorities") is not { } items)
        {
            return null;
        }

        var authorities = new List<AuthorityEntry>();
        foreach (var (item, path) in items)
        {
            if (ObjectReader.Of(item, path, plugin.Problems, "a central authority { \"id\", \"name\", \"languages\" }") is not { } entry)
            {
                continue;
            }

            entry.RejectUnknown("a central authority", ["id", "name", "languages"]);
            var id = entry.String("id", "the authority id, e.g. \"TH-OAG\"", text =>
                !AuthorityId.TryParse(text, null, out var parsed) ? $"'{text}' is not an authority id such as TH-OAG."
                : country is not null && parsed.Country != country ? $"{text} is not an authority of {country}." : null, 19);
            var name = entry.String("name", "the authority's name");
            var languages = entry.Strings("languages", "an ISO 639-1 code", Language, "the languages it accepts", min: 1);
            if (id is not null && name is not null && languages is not null)
            {
                authorities.Add(new AuthorityEntry(AuthorityId.Parse(id), name, languages));
            }
        }

        if (items.Count == 0)
        {
            plugin.Problems.Add(plugin.PathOf("authorities"), "A plugin names at least one central authority.");
        }

        return authorities.Count == items.Count && items.Count > 0 ? authorities : null;
    }

    private static IReadOnlyList<LegalBasisEntry>? ReadLegalBases(ObjectReader plugin)
    {
        if (plugin.Array("legalBases", "an array of treaties", "the treaties in force (may be empty)") is not { } items)
        {
            return null;
        }

        var bases = new List<LegalBasisEntry>();
        foreach (var (item, path) in items)
        {
            if (ObjectReader.Of(item, path, plugin.Problems, "a treaty { \"id\", \"name\", \"partners\", \"kinds\", \"confirmed\" }") is not { } entry)
            {
                continue;
            }

            entry.RejectUnknown("a legal basis", ["id", "name", "partners", "kinds", "confirmed", "periods", "note"]);
            var id = entry.String("id", "the treaty id, e.g. \"asean-mlat-2004\"", text => TreatyShape().IsMatch(text) ? null : "Lower-case letters, digits, '-' and '.'.", 100);
            var name = entry.String("name", "the treaty's full name and date", maxLength: 500);
            var partners = entry.Strings("partners", "an ISO 3166-1 alpha-2 code", Country, "the partner states", min: 1);
            var kinds = ReadKinds(entry);
            var confirmed = entry.Boolean("confirmed");
            if (!entry.Has("confirmed"))
            {
                entry.Problems.Missing(entry.Path, "confirmed", "true once the authority has confirmed this treaty fact, else false");
            }

            entry.String("note", missingHint: null, maxLength: 2000);
            var periods = entry.Object("periods", "an object of periods in days", missingHint: null) is { } p ? ReadPeriods(p) : null;
            if (id is not null && name is not null && partners is not null && kinds is not null && confirmed is not null && (periods is not null || !entry.Has("periods")))
            {
                bases.Add(new LegalBasisEntry(id, name, partners, kinds, confirmed.Value, periods));
            }
        }

        foreach (var duplicate in bases.GroupBy(b => b.Id).Where(g => g.Count() > 1))
        {
            plugin.Problems.Add(plugin.PathOf("legalBases"), $"The treaty id '{duplicate.Key}' is used twice.");
        }

        return bases.Count == items.Count ? bases : null;
    }

    private static IReadOnlySet<RequestKind>? ReadReciprocity(ObjectReader reciprocity)
    {
        reciprocity.RejectUnknown("reciprocity", ["kinds"]);
        return ReadKinds(reciprocity);
    }

    private static IReadOnlySet<RequestKind>? ReadKinds(ObjectReader entry)
    {
        var kinds = entry.Strings("kinds", "a request kind (evidence, provisionalArrest, extradition)", Kind, "the kinds of request covered", min: 1, max: 3);
        return kinds?.Select(k => k.Value).ToHashSet();
    }

    private static Periods? ReadPeriods(ObjectReader periods)
    {
        periods.RejectUnknown("periods", ["provisionalArrestDays", "surrenderDays"]);
        var arrest = periods.Has("provisionalArrestDays") ? periods.Integer("provisionalArrestDays", 1, MaxDays, null) : null;
        var surrender = periods.Has("surrenderDays") ? periods.Integer("surrenderDays", 1, MaxDays, null) : null;
        var bad = periods.Has("provisionalArrestDays") && arrest is null || periods.Has("surrenderDays") && surrender is null;
        return bad ? null : new Periods(arrest, surrender);
    }

    private static IReadOnlyDictionary<string, JsonNode>? ReadFacts(ObjectReader plugin)
    {
        if (plugin.Object("facts", "an object of named facts", missingHint: null) is not { } facts)
        {
            return plugin.Has("facts") ? null : new Dictionary<string, JsonNode>();
        }

        var values = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        var bad = false;
        foreach (var fact in facts.Element.EnumerateObject())
        {
            var path = facts.PathOf(fact.Name);
            if (!FactShape().IsMatch(fact.Name))
            {
                facts.Problems.Add(path, "A fact name is camelCase letters and digits, e.g. extraditesNationals.");
                bad = true;
            }
            else if (fact.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            {
                values[fact.Name] = JsonNode.Parse(fact.Value.GetRawText())!;
            }
            else
            {
                facts.Problems.Add(path, ObjectReader.MustBe("a string, number or boolean", fact.Value));
                bad = true;
            }
        }

        return bad ? null : values;
    }

    private static AssemblyEntry? ReadAssembly(ObjectReader plugin)
    {
        if (plugin.Member("assembly", missingHint: null) is not { ValueKind: not JsonValueKind.Null })
        {
            return null;
        }

        if (plugin.Object("assembly", "an object { \"file\": \"Sample.dll\", \"steps\": [...], \"validators\": [...] }", missingHint: null) is not { } entry)
        {
            return null;
        }

        entry.RejectUnknown("assembly", ["file", "steps", "validators"]);
        var file = entry.String("file", "the assembly's file name in the plugin folder, e.g. \"Sample.dll\"", text =>
            text.EndsWith(".dll", StringComparison.Ordinal) && text.IndexOfAny(['/', '\\']) < 0 ? null : "The assembly's file name in the plugin folder, e.g. Sample.dll.", 100);
        var steps = entry.Strings("steps", "a handler name such as \"watch-list-screening\"", CodeName, missingHint: null, max: 50);
        var validators = entry.Strings("validators", "a validator name such as \"plausible-age\"", CodeName, missingHint: null, max: 50);
        if (file is null || steps is null || validators is null)
        {
            return null;
        }

        var names = steps.Concat(validators).Select(n => n.Value).ToList();
        if (names.Count == 0)
        {
            entry.Problems.Add(entry.Path, "An assembly that provides no custom step and no validator has nothing to do; list them under steps and validators, or set assembly to null.");
            return null;
        }

        foreach (var duplicate in names.GroupBy(n => n).Where(g => g.Count() > 1))
        {
            entry.Problems.Add(entry.Path, $"The name '{duplicate.Key}' is listed twice.");
        }

        return names.Distinct().Count() == names.Count ? new AssemblyEntry(file, [.. steps.Select(s => s.Value)], [.. validators.Select(v => v.Value)]) : null;
    }

    private static NameValue? CodeName(string text) => Names.IsCodeName(text) ? new NameValue(text) : null;

    private static LanguageCode? Language(string text) => LanguageCode.TryParse(text, null, out var code) ? code : null;

    private static CountryCode? Country(string text) => CountryCode.TryParse(text, null, out var code) ? code : null;

    private static DateValue? Date(string text) => LocalDatePattern.Iso.Parse(text) is { Success: true } result ? new DateValue(result.Value) : null;

    private static DayValue? Day(string text) =>
        Enum.GetValues<IsoDayOfWeek>().FirstOrDefault(d => d != IsoDayOfWeek.None && d.ToString().ToLowerInvariant() == text) is var day && day != IsoDayOfWeek.None
            ? new DayValue(day) : null;

    private static KindValue? Kind(string text) =>
        Enum.GetValues<RequestKind>().Where(k => JsonNamingPolicy.CamelCase.ConvertName(k.ToString()) == text).Select(k => new KindValue(k)).FirstOrDefault();

    // Value types boxed as classes, so the list reader can tell "unparsable" (null) from a value.
    private sealed record DateValue(LocalDate Value);

    private sealed record NameValue(string Value);

    private sealed record DayValue(IsoDayOfWeek Value);

    private sealed record KindValue(RequestKind Value);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}\\z")]
    private static partial Regex IdShape();

    [GeneratedRegex("^[0-9]{1,4}\\.[0-9]{1,4}\\.[0-9]{1,4}\\z")]
    private static partial Regex VersionShape();

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{0,99}\\z")]
    private static partial Regex TreatyShape();

    [GeneratedRegex("^[a-z][A-Za-z0-9]{0,63}\\z")]
    private static partial Regex FactShape();
}
