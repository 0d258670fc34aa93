using System.Globalization;
using System.Text.Json.Nodes;
using MlaFlow.Plugins.Sdk.Extensions;

namespace MlaFlow.Samples.WatchList;

/// <summary>
/// Refuses a request naming a person born in the future or more than 120 years ago: a form rule can require a
/// date of birth, but cannot compare it with today. Most such dates are typing mistakes (a year of 1890 for 1980).
/// </summary>
public sealed class PlausibleDatesOfBirth : IRequestValidator
{
    private const int MaxAgeYears = 120;

    public string Name => "plausible-dates-of-birth";

    public IEnumerable<RequestProblem> Validate(JsonObject facts, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var persons = facts["request"]?["persons"]?.AsArray() ?? [];
        for (var i = 0; i < persons.Count; i++)
        {
            if (persons[i]?["dateOfBirth"]?.GetValue<string>() is not { } text
                || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born))
            {
                continue;
            }

            if (born > today || born < today.AddYears(-MaxAgeYears))
            {
                yield return new RequestProblem($"persons[{i}].dateOfBirth", $"A date of birth of {text} cannot be right (in the future, or more than {MaxAgeYears} years ago); check the year.");
            }
        }
    }
}
