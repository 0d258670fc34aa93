using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace MlaFlow.Runtime.Serialization;

/// <summary>Writes a <see cref="LocalDate"/> as ISO 8601 text (<c>1980-07-14</c>).</summary>
public sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var result = LocalDatePattern.Iso.Parse(reader.GetString() ?? "");
        return result.Success ? result.Value : throw new JsonException($"'{reader.GetString()}' is not an ISO 8601 date such as 1980-07-14.");
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
}
