using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime.Serialization.SystemTextJson;

namespace MlaFlow.Grains.Serialization;

/// <summary>
/// The one JSON shape of MlaFlow's domain records — for the API, stored state and grain calls between silos alike:
/// camelCase, enums as strings, instants as ISO 8601 UTC text (<c>2026-03-02T09:00:00Z</c>), dates as <c>1980-07-14</c>.
/// </summary>
public static class MlaFlowJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies MlaFlow's conventions to <paramref name="options"/> (e.g. ASP.NET Core's).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(NodaConverters.InstantConverter);
        options.Converters.Add(NodaConverters.LocalDateConverter);
        return options;
    }
}
