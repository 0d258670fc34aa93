using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace MlaFlow.Runtime.Serialization;

/// <summary>Writes an <see cref="Instant"/> as ISO 8601 UTC text (<c>2026-03-02T09:00:00Z</c>).</summary>
public sealed class InstantJsonConverter : JsonConverter<Instant>
{
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var result = InstantPattern.ExtendedIso.Parse(reader.GetString() ?? "");
        return result.Success ? result.Value : throw new JsonException($"'{reader.GetString()}' is not an ISO 8601 UTC instant such as 2026-03-02T09:00:00Z.");
    }

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
        writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
}
