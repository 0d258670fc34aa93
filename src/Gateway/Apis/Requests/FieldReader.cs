using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MlaFlow.Plugins.Sdk;
using NodaTime;
using NodaTime.Text;

namespace MlaFlow.Gateway.Apis.Requests;

/// <summary>Reads one field of a body into a domain value, or records why it cannot.</summary>
public sealed partial class FieldReader(ValidationErrors errors)
{
    // For each list read, by its path in the body, the index there of each item read: a list's items that could not be
    // read are left out of what is built, so the items after them move up.
    private readonly Dictionary<string, List<int>> _read = new(StringComparer.Ordinal);

    public ValidationErrors Errors { get; } = errors;

    /// <summary>Text of at most <paramref name="max"/> characters; line breaks only where <paramref name="multiline"/>.</summary>
    public string? Text(string? value, string path, int max, bool required = true, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Errors.Add(path, "Required.");
            }

            return null;
        }

        if (value.Length > max)
        {
            Errors.Add(path, $"At most {max} characters (got {value.Length}).");
            return null;
        }

        if (value.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
        {
            Errors.Add(path, multiline ? "Control characters other than line breaks and tabs are not allowed." : "Line breaks and control characters are not allowed.");
            return null;
        }

        return value;
    }

    /// <summary>
    /// A name, an identifier or a file name: single-line <see cref="Text"/> that holds no character reordering how it is
    /// shown (<see cref="BidiControls"/>). Thai, Khmer and Myanmar word breaks and joiners (U+200B–U+200D) are text.
    /// </summary>
    public string? Name(string? value, string path, int max, bool required = true)
    {
        var text = Text(value, path, max, required);
        if (text is not null && BidiControls.Problem(text) is { } problem)
        {
            Errors.Add(path, problem);
            return null;
        }

        return text;
    }

    /// <summary>
    /// A whole number from <paramref name="min"/> to <paramref name="max"/> given as text (a query parameter), or null when
    /// absent; <paramref name="expected"/> says what it is, for people (<c>a page number (1, 2, …)</c>).
    /// </summary>
    public int? Integer(string? value, string path, int min, int max, string expected)
    {
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max)
        {
            return parsed;
        }

        Errors.Add(path, $"'{Truncate(value)}' is not {expected}.");
        return null;
    }

    /// <summary>One of the names of <typeparamref name="TEnum"/>, in any case (<c>provisionalArrest</c>).</summary>
    public TEnum? Enum<TEnum>(string? value, string path, bool required = true) where TEnum : struct, Enum
    {
        if (value is null)
        {
            if (required)
            {
                Errors.Add(path, $"Required: one of {Names<TEnum>()}.");
            }

            return null;
        }

        if (value.Length > 0 && char.IsLetter(value[0]) && System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed))
        {
            return parsed;
        }

        Errors.Add(path, $"'{Truncate(value)}' is not one of {Names<TEnum>()}.");
        return null;
    }

    /// <summary>A value parsed from its text; <paramref name="expected"/> says what it is, for people (never a .NET type name).</summary>
    public TValue? Parsed<TValue>(string? value, string path, string expected, bool required = true) where TValue : class, IParsable<TValue>
    {
        if (value is null)
        {
            if (required)
            {
                Errors.Add(path, $"Required: {expected}.");
            }

            return null;
        }

        if (TValue.TryParse(value, null, out var parsed))
        {
            return parsed;
        }

        Errors.Add(path, $"'{Truncate(value)}' is not {expected}.");
        return null;
    }

    public CountryCode? Country(string? value, string path, bool required = true) =>
        Parsed<CountryCode>(value, path, "an ISO 3166-1 alpha-2 country code such as TH", required);

    public LocalDate? Date(string? value, string path)
    {
        if (value is null)
        {
            return null;
        }

        var result = LocalDatePattern.Iso.Parse(value);
        if (!result.Success)
        {
            Errors.Add(path, $"'{Truncate(value)}' is not a date in the form YYYY-MM-DD.");
            return null;
        }

        return result.Value;
    }

    /// <summary>Each item of a list of <paramref name="min"/> to <paramref name="max"/> items, read by <paramref name="item"/>.</summary>
    public IReadOnlyList<TResult> List<TItem, TResult>(List<TItem?>? items, string path, int min, int max, Func<TItem, string, TResult?> item)
        where TItem : class
        where TResult : class
    {
        var count = items?.Count ?? 0;
        if (count < min)
        {
            Errors.Add(path, min == 1 ? "At least one is required." : $"At least {min} are required.");
            return [];
        }

        if (count > max)
        {
            Errors.Add(path, $"At most {max} are allowed (got {count}).");
            return [];
        }

        var results = new List<TResult>(count);
        var read = _read[path] = new List<int>(count);
        for (var i = 0; i < count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (items![i] is not { } present)
            {
                Errors.Add(itemPath, "Must not be null.");
            }
            else if (item(present, itemPath) is { } result)
            {
                results.Add(result);
                read.Add(i);
            }
        }

        return results;
    }

    /// <summary>
    /// Where a path into what was built from the body (<c>attachments[1].language</c>) is in the body: list items that
    /// could not be read are not in what was built, so an index there may be a later one in the body.
    /// </summary>
    public string PathInBody(string builtPath)
    {
        var inBody = new StringBuilder(builtPath.Length);
        var done = 0;
        foreach (Match index in ListIndex().Matches(builtPath))
        {
            inBody.Append(builtPath, done, index.Index - done);
            var position = int.Parse(index.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            var inList = _read.TryGetValue(inBody.ToString(), out var read) && position < read.Count ? read[position] : position;
            inBody.Append('[').Append(inList).Append(']');
            done = index.Index + index.Length;
        }

        return inBody.Append(builtPath, done, builtPath.Length - done).ToString();
    }

    public bool Required(object? value, string path)
    {
        if (value is null)
        {
            Errors.Add(path, "Required.");
        }

        return value is not null;
    }

    private static string Names<TEnum>() where TEnum : struct, Enum =>
        string.Join(", ", System.Enum.GetNames<TEnum>().Select(JsonNamingPolicy.CamelCase.ConvertName));

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex(@"\[([0-9]{1,9})\]")]
    private static partial Regex ListIndex();
}
