using System.Text.Json;

namespace MlaFlow.Plugins.Sdk;

/// <summary>
/// The camelCase names an enum is written with in definitions (<c>partiallyExecuted</c>,
/// <c>requestForAdditionalInformation</c>). Matching is exact: one spelling per value keeps files greppable.
/// </summary>
public static class EnumNames<TEnum> where TEnum : struct, Enum
{
    private static readonly Dictionary<string, TEnum> ByName = Enum.GetValues<TEnum>()
        .ToDictionary(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()), StringComparer.Ordinal);

    /// <summary>Every name, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. ByName.Keys];

    public static bool TryParse(string name, out TEnum value) => ByName.TryGetValue(name, out value);

    public static string NameOf(TEnum value) => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
