using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlaFlow.Plugins.Sdk;

/// <summary>Reads and writes a value type that has a text form (<see cref="IParsable{TSelf}"/>) as a JSON string.</summary>
public sealed class ParsableJsonConverter<T> : JsonConverter<T> where T : class, IParsable<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string for {typeof(T).Name}.");
        }

        var text = reader.GetString();
        return T.TryParse(text, null, out var value) ? value : throw new JsonException($"'{text}' is not a valid {typeof(T).Name}.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
