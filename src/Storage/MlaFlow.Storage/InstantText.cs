using NodaTime;
using NodaTime.Text;

namespace MlaFlow.Storage;

/// <summary>
/// Instants as stored: fixed-width ISO 8601 UTC with seven fractional digits, so that text order is
/// time order in both databases and an auditor reads them as they are.
/// </summary>
public static class InstantText
{
    private static readonly InstantPattern Pattern = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'");

    public static string Format(Instant instant) => Pattern.Format(instant);

    public static Instant Parse(string text) => Pattern.Parse(text).Value;
}
