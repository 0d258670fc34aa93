using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime.Text;

namespace MlaFlow.Runtime.Serialization;

/// <summary>Writes a NodaTime value as ISO 8601 text through its pattern, and refuses text that does not match it.</summary>
public sealed class PatternJsonConverter<T>(IPattern<T> pattern, string example) : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? "";
        var result = pattern.Parse(text);
        return result.Success ? result.Value : throw new JsonException($"'{text}' is not an ISO 8601 {typeof(T).Name} such as {example}.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(pattern.Format(value));
}
