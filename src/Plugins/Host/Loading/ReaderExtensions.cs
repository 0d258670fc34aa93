using MlaFlow.Workflows.Loading;

namespace MlaFlow.Plugins.Host.Loading;

/// <summary>Reading lists of parsed values (codes, kinds, dates) from plugin files, each bad item reported at its own path.</summary>
internal static class ReaderExtensions
{
    /// <summary>The items of a string array member parsed by <paramref name="parse"/> (null when unparsable); null when any item is bad.</summary>
    public static IReadOnlyList<TValue>? Strings<TValue>(
        this ObjectReader reader, string member, string what, Func<string, TValue?> parse, string? missingHint, int min = 0, int max = 200)
        where TValue : class
    {
        if (reader.Array(member, $"an array of {what}", missingHint) is not { } items)
        {
            return missingHint is null ? [] : null;
        }

        if (items.Count < min || items.Count > max)
        {
            reader.Problems.Add(reader.PathOf(member), $"Must have {min} to {max} items (got {items.Count}).");
            return null;
        }

        var values = new List<TValue>();
        foreach (var (item, path) in items)
        {
            var value = item.ValueKind == System.Text.Json.JsonValueKind.String ? parse(item.GetString()!) : null;
            if (value is null)
            {
                reader.Problems.Add(path, $"Must be {what}, not {(item.ValueKind == System.Text.Json.JsonValueKind.String ? $"'{item.GetString()}'" : ObjectReader.Describe(item))}.");
            }
            else
            {
                values.Add(value);
            }
        }

        return values.Count == items.Count ? values : null;
    }
}
