using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlaFlow.Runtime.Serialization;

/// <summary>The one JSON shape used for stored state and for the API: camelCase, enums as strings, ISO times.</summary>
public static class MlaFlowJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies MlaFlow's conventions to <paramref name="options"/> (e.g. ASP.NET Core's).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(NodaTimeJsonConverters.Instant);
        options.Converters.Add(NodaTimeJsonConverters.LocalDate);
        return options;
    }
}
